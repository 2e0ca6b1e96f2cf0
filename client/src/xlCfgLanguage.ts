// The language id VS Code gives Xen guest configs (package.json `contributes.languages`).
export const LANGUAGE_ID = 'xl-cfg';
