@echo off
:: courier.cmd: the command line of an installed Courier on Windows (electron-builder.yml puts
:: this file in bin\ of the installation folder). It runs the CLI bundle with the app's own
:: Electron in Node mode, as VS Code's code.cmd does, so better-sqlite3, rebuilt for Electron's
:: ABI, loads; no Node.js needs to be installed. Add the bin folder to PATH to type "courier".
setlocal
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\Courier.exe" "%~dp0..\resources\app.asar.unpacked\dist\cli\courier.cjs" %*
endlocal & exit /b %ERRORLEVEL%
