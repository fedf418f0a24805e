export { type CompiledFrames, type CompiledLabel, compileFrames } from './compile-frames.ts';
export { findTerminology } from './find-terminology.ts';
export { type FrameScoringText, scoreFrames } from './score-frames.ts';
