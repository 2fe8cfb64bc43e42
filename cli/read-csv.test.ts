/**
 * Reading CSV text into the rows the core reads: what a spreadsheet saves (BOM, CRLF, `;` or
 * tab, quoted line breaks) comes out cell for cell, and broken quoting names its line.
 */
import { describe, expect, it } from "vitest";
import { readCsv } from "./read-csv";

const rows = (text: string) => readCsv("t.csv", text).block.values;
const failure = (text: string) => {
  try {
    readCsv("t.csv", text);
  } catch (e) {
    return (e as Error).message;
  }
  return "read without an error";
};

describe("readCsv", () => {
  it("keeps every cell as text, with blank rows inside the table, and no row for the file's last line break", () => {
    expect(rows("Stage,Budget\nAwareness,1000\n\nPurchase,\n")).toEqual([["Stage", "Budget"], ["Awareness", "1000"], [""], ["Purchase", ""]]);
    expect(rows("Stage,Budget\nAwareness,1000")).toEqual([["Stage", "Budget"], ["Awareness", "1000"]]);
    // Two blank lines at the end: the first is a blank row of the file, the second only ends it.
    expect(rows("a\n1\n\n")).toEqual([["a"], ["1"], [""]]);
    expect(rows("")).toEqual([]);
  });

  it("reads what spreadsheets save: a byte-order mark, CRLF or CR line ends, ; or tab between cells", () => {
    expect(rows("\ufeffStage;Budget\r\nAwareness;1.000,50\r\n")).toEqual([["Stage", "Budget"], ["Awareness", "1.000,50"]]);
    expect(rows("Stage\tBudget\rAwareness\t1,000\r")).toEqual([["Stage", "Budget"], ["Awareness", "1,000"]]);
  });

  it("keeps CR, CRLF and LF inside a quoted cell exactly, and doubled quotes as one", () => {
    expect(rows('a,b\r\n"x\ry","p\r\nq"\r\n"e\nf","say ""hi"""\r\n')).toEqual([["a", "b"], ["x\ry", "p\r\nq"], ["e\nf", 'say "hi"']]);
  });

  it("takes a quote inside an unquoted cell as the character, as spreadsheets do", () => {
    expect(rows('Touchpoint,Budget\n27" screen ads,500\n')).toEqual([["Touchpoint", "Budget"], ['27" screen ads', "500"]]);
  });

  it("names the line where a quote is never closed, or where a quoted cell goes on after its closing quote", () => {
    expect(failure('Stage,KPI\nAwareness,Reach\n"Purchase,Orders\nAdvocacy,NPS\n')).toBe(
      't.csv, line 3: cannot read it as CSV (a quote opens a field here and is never closed); expected comma-, semicolon- or tab-separated text with closed quotes',
    );
    // Lines inside an earlier quoted cell count, as an editor counts them.
    expect(failure('Stage,KPI\n"two\nlines",Reach\nPurchase,"Orders"x\n')).toMatch(/^t\.csv, line 4: cannot read it as CSV \(a quoted field goes on after its closing quote\)/);
  });
});
