/** The Excel task pane: the shared panel, with Excel as its host. */
import { mountPanel } from "../../panel/panel";
import { excelHost } from "../excel-host";

Office.onReady(() => {
  const theme = Office.context?.officeTheme;
  mountPanel(document.getElementById("panel")!, excelHost(), {
    hostName: "Excel",
    theme: theme ? { background: theme.bodyBackgroundColor, text: theme.bodyForegroundColor, accent: theme.controlBackgroundColor } : null,
  });
});
