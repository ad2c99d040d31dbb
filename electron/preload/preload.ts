import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './build-bridge';

contextBridge.exposeInMainWorld('courier', buildBridge(ipcRenderer));
