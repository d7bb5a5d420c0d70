// The names of the job kinds in the queue, in a module of their own so that code that only asks after jobs does
// not load the code that runs them.
export const INGEST_JOB = 'ingest';
