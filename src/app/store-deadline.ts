/** The store read budget for the front ends, which take it from the app layer (see commands/store-deadline.ts). */
export { StoreDeadlineError, withDeadline } from '../../commands/store-deadline.js';
