// FRUS volumes held out from every training read (the tagger, the period table): the held-out
// precision measure of scripts/frus-heldout.js is taken on them. None of them is in ../shared/train/frus.
export const HELDOUT_VOLUMES = ['frus1964-68v14', 'frus1964-68v28', 'frus1964-68v29p1'];

/** Whether a file of ../shared/train (`frus1964-68v14.jsonl.gz`, `frus1964-68v14-d6.txt`) belongs to a held-out volume. */
export const isHeldOut = (file) => HELDOUT_VOLUMES.some((v) => file === `${v}.jsonl.gz` || file.startsWith(`${v}-`));
