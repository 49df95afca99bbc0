/** What the command actions need, loaded only once a command runs (not for --help). */
export { DEFAULT_CONFIG, loadConfig, type Config } from '../io/config.js';
export { makeChalk } from '../format/color.js';
export { formatMessagesJson, formatMessagesText, plural } from '../format/messages.js';
export { formatStats, progressLine } from '../format/progress.js';
export { writeFileAtomic } from '../io/atomic.js';
export { statistics } from '../core/message.js';
