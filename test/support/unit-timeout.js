// setupFilesAfterEnv of the unit project (jest.config.js): unit tests run in
// process and finish in milliseconds, so one that waits 10 s is hung, not slow.
jest.setTimeout(10_000);
