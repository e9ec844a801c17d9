/**
 * The preview's style sheet: VS Code's theme variables only, so that the page follows the light, dark
 * and high-contrast themes, and no font or image is fetched.
 */
export const PREVIEW_CSS = `
:root { color-scheme: light dark; }
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground);
  background: var(--vscode-editor-background); margin: 0; padding: 16px 24px 32px; line-height: 1.45; }
#root { max-width: 760px; }
header { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
h1 { font-size: 1.35em; font-weight: 600; margin: 0 8px 0 0; }
h2 { font-size: 1.05em; font-weight: 600; margin: 24px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); }
h3 { font-size: .85em; text-transform: uppercase; letter-spacing: .04em; color: var(--vscode-descriptionForeground); margin: 12px 0 4px; }
.muted, small { color: var(--vscode-descriptionForeground); }
code { font-family: var(--vscode-editor-font-family); font-size: .92em; }
.param { padding: 12px 14px; margin: 0 0 10px; border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border));
  border-radius: 6px; background: var(--vscode-sideBar-background, transparent); }
.param.invalid { border-color: var(--vscode-inputValidation-errorBorder); }
.param-title, .card-title { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.param-title .label, .card-title .label { font-weight: 600; }
.reveals { cursor: pointer; border-radius: 4px; }
.reveals:hover .label, .reveals:focus .label { text-decoration: underline; color: var(--vscode-textLink-foreground); }
.reveals:focus-visible, button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.description { margin: 4px 0 8px 32px; color: var(--vscode-descriptionForeground); white-space: pre-wrap; }
.param > input, .param > select, .param > textarea, .param > .slider, .param > .radio-group, .param > .multi, .param > .choice { margin-left: 32px; }
input[type=text], input[type=number], select, textarea { box-sizing: border-box; width: calc(100% - 32px); padding: 4px 6px;
  color: var(--vscode-input-foreground); background: var(--vscode-input-background); font: inherit;
  border: 1px solid var(--vscode-input-border, var(--vscode-widget-border, transparent)); border-radius: 2px; }
select { color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background); border-color: var(--vscode-dropdown-border); }
input:focus, select:focus, textarea:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.invalid input, .invalid select, .invalid textarea { border-color: var(--vscode-inputValidation-errorBorder); }
.slider { display: flex; align-items: center; gap: 10px; }
.slider input { flex: 1; accent-color: var(--vscode-button-background); }
input[type=checkbox], input[type=radio] { accent-color: var(--vscode-button-background); }
.radio-group { display: flex; flex-direction: column; gap: 4px; }
.choice { display: flex; align-items: baseline; gap: 6px; }
.multi { display: flex; flex-wrap: wrap; gap: 6px; }
.chip { display: inline-flex; gap: 4px; align-items: center; padding: 2px 8px; border-radius: 12px; border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); }
.icon { display: inline-flex; width: 22px; height: 22px; flex: none; align-items: center; justify-content: center; border-radius: 4px; font-size: .8em; font-weight: 700;
  background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
.badges { display: inline-flex; gap: 4px; flex-wrap: wrap; }
.badge { font-size: .78em; padding: 1px 7px; border-radius: 10px; border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); color: var(--vscode-descriptionForeground); white-space: nowrap; }
.badge.info { border-color: var(--vscode-textLink-foreground); color: var(--vscode-textLink-foreground); }
.badge.required { border-color: var(--vscode-editorWarning-foreground); color: var(--vscode-editorWarning-foreground); }
.badge.warn { background: var(--vscode-inputValidation-warningBackground); border-color: var(--vscode-editorWarning-foreground); color: var(--vscode-foreground); }
.badge.danger { background: var(--vscode-inputValidation-errorBackground); border-color: var(--vscode-editorError-foreground); color: var(--vscode-foreground); }
.badge.method { background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); border-color: transparent; }
.badge.unknown-badge, .unknown { font-style: italic; }
.unknown { color: var(--vscode-descriptionForeground); border-bottom: 1px dotted var(--vscode-descriptionForeground); }
.unknown::after { content: " ?"; font-style: normal; font-size: .8em; }
.hints { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 6px 0 0 32px; font-size: .85em; color: var(--vscode-descriptionForeground); }
.hint.type { margin-left: auto; }
.error { margin: 6px 0 0 32px; color: var(--vscode-errorForeground); }
.error:empty { display: none; }
.error strong { display: block; }
.card { padding: 12px 14px; margin: 0 0 10px; border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); border-radius: 6px; }
.card.privileged { border-left: 3px solid var(--vscode-editorError-foreground); }
.card .badges { margin: 6px 0; }
.apps { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 10px; }
button.app { display: inline-flex; align-items: center; gap: 6px; padding: 4px 10px 4px 4px; font: inherit; cursor: pointer; border-radius: 4px;
  color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); }
button.app:hover { background: var(--vscode-button-secondaryHoverBackground); }
.metadata-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 4px 12px; }
.metadata { display: flex; flex-direction: column; font-size: .9em; }
ul { margin: 4px 0; padding-left: 20px; }
table.modules { border-collapse: collapse; width: 100%; font-size: .9em; }
table.modules th, table.modules td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); }
td .input { display: block; }
td .badge { margin-left: 6px; }
`;
