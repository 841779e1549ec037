/** Index of the pause flag in the shared Int32 control array (1 = paused). */
export const PAUSE_FLAG = 0;
/** Index of the cancel flag (1 = stop after the current step and skip queued runs). */
export const CANCEL_FLAG = 1;
/** Length of the control array. */
export const CONTROL_LENGTH = 2;
