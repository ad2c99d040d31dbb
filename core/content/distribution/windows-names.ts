// The check is pure and shared with the client agent, which applies it to a downloaded manifest.
export { windowsNameProblem } from '../../formats/windows-names';
