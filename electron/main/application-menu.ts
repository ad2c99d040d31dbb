import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * A small native menu: the Edit roles make copy and paste work in text boxes on every platform;
 * developer tools only in development builds.
 */
export function installApplicationMenu(about: () => string): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { label: '&File', submenu: [isMac ? { role: 'close' } : { role: 'quit', label: 'E&xit' }] },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as MenuItemConstructorOptions]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    ...(isMac ? [{ role: 'windowMenu' } as MenuItemConstructorOptions] : []),
    {
      label: '&Help',
      submenu: [
        {
          label: '&About Courier',
          click: () => {
            void dialog.showMessageBox({ type: 'info', title: 'About Courier', message: `Courier ${app.getVersion()}`, detail: about() });
          },
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
