/** What the command actions need, loaded only once a command runs (not for --help). */
export { RULES } from '../rules/registry.js';
export { makeChalk } from '../format/color.js';
export { formatAnnotateText } from '../format/annotate.js';
export { MESSAGE_FORMATTERS } from '../format/index.js';
export { plural } from '../format/messages.js';
export { CLEAR_LINE, formatStats, overwriteLine, progressLine } from '../format/progress.js';
export { formatReviewMarked, formatReviewNext } from '../format/review.js';
export { formatTrainText } from '../format/train.js';
export { formatRulesText } from '../format/rules.js';
export { writeFileAtomic } from '../io/atomic.js';
export { DEFAULT_CONFIG, findProject, initProject, loadConfig } from '../io/config.js';
export { formatImport } from '../format/import.js';
export { formatAuthorityResult } from '../format/authority.js';
