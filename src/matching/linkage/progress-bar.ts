// A one-line progress bar on stderr, drawn only when stderr is a terminal
// (a log file must not fill with carriage returns).
import type { LinkageProgress } from './engine.ts';

const PHASE_NAMES: Record<LinkageProgress['phase'], string> = {
  features: 'reading names',
  blocking: 'indexing',
  comparing: 'comparing candidates',
  training: 'training the model',
  scoring: 'scoring',
};

export function progressBar(stream: NodeJS.WriteStream = process.stderr): { update: (p: LinkageProgress) => void; done: () => void } {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let last = 0;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100 && p.done !== p.total) return;
      last = now;
      const width = 30;
      const share = p.total > 0 ? Math.min(p.done / p.total, 1) : 0;
      const bar = p.total > 0 ? '█'.repeat(Math.round(share * width)).padEnd(width, '░') : '…'.padEnd(width, ' ');
      const count = p.total > 0 ? `${Math.round(share * 100)}%` : `${p.done.toLocaleString('en')}`;
      stream.write(`\r${bar} ${PHASE_NAMES[p.phase]} ${count}\x1b[K`);
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
