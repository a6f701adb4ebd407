// The Mantine theme: light, calm and readable, with system fonts only (nothing is fetched).
import { createTheme } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: 7,
  defaultRadius: "sm",
  fontFamily:
    "system-ui, -apple-system, 'Segoe UI', Roboto, Cantarell, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  headings: {
    fontWeight: "600",
  },
  components: {
    TextInput: { defaultProps: { size: "sm" } },
    Textarea: { defaultProps: { size: "sm" } },
    NativeSelect: { defaultProps: { size: "sm" } },
  },
});
