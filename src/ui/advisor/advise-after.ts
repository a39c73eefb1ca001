/**
 * How long the plan rests before the advisor measures it (between keystrokes it never runs), and before
 * its panel comes or goes (results-view.tsx): while typing passes through values that fit and values that
 * do not, the panel (1,800 px with its fixes) does not come and go under the cursor, and the panels below
 * it do not move in and out of view, which drew the 48-row subnet bars afresh (36 ms) between two keystrokes.
 * Its own module, so that the results column reads it without loading the advisor's chunk.
 */
export const ADVISE_AFTER_MS = 400;
