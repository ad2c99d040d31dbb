export { cmtraceText } from './cmtrace';
export { defaultMaxRecordChars, LogParser, parseLog, type LogParserOptions } from './log-parser';
export { logFormatChoices, type LogFormat, type LogFormatChoice, type LogRecord, type LogType } from './log-record';
export { parseCmtraceTime, parseTraceStamp, type UnzonedTimes } from './log-times';
export { typeOfText } from './log-types';
export { mergeByTime } from './merge-by-time';
