// Progress display for the ingest CLI on stderr: on a terminal one line redrawn in place
// (bar, files done of total, pages/s, OCR pages and files being read by OCR, time left); in a log or pipe a plain
// line every few seconds, and a line whenever a file's OCR starts (it may take minutes).
import type { IngestProgress } from '../run/ingest.ts';

const BAR_WIDTH = 24;
const REDRAW_MS = 100;
const LOG_EVERY_MS = 5_000;

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

export function describeProgress(p: IngestProgress): string {
  const rate = p.elapsedMs > 0 ? (p.pages * 1000) / p.elapsedMs : 0;
  const left = p.done > 0 ? ((p.total - p.done) * p.elapsedMs) / p.done : 0;
  const ocr = p.inOcr > 0 || p.ocrPages > 0 ? ` · OCR: ${p.ocrPages} pages read${p.inOcr > 0 ? `, ${p.inOcr} file(s) being read` : ''}` : '';
  return `${p.done}/${p.total} files · ${rate.toFixed(1)} pages/s${ocr} · ${p.failed} failed · ${p.done < p.total ? `about ${seconds(left)} left` : `done in ${seconds(p.elapsedMs)}`}`;
}

function bar(p: IngestProgress): string {
  const filled = p.total > 0 ? Math.round((p.done / p.total) * BAR_WIDTH) : BAR_WIDTH;
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
}

export interface ProgressDisplay {
  update(progress: IngestProgress): void;
  /** Leaves the last state on screen and moves past it. */
  finish(): void;
}

export function progressDisplay(stream: NodeJS.WriteStream): ProgressDisplay {
  let lastDraw = 0;
  let last: IngestProgress | undefined;
  let drawn = false;

  const draw = (p: IngestProgress) => {
    if (stream.isTTY) {
      const line = `${bar(p)} ${describeProgress(p)}`.slice(0, Math.max(20, (stream.columns || 80) - 1));
      stream.write(`\r\x1b[2K${line}`);
    } else {
      stream.write(`${describeProgress(p)}\n`);
    }
    drawn = true;
  };

  return {
    update(p) {
      last = p;
      if (p.ocrStarted && !stream.isTTY) stream.write(`OCR: reading ${p.ocrStarted.name} (${p.ocrStarted.pages || 'all'} scanned page(s))\n`);
      const now = Date.now();
      if (now - lastDraw < (stream.isTTY ? REDRAW_MS : LOG_EVERY_MS) && p.done < p.total) return;
      lastDraw = now;
      draw(p);
    },
    finish() {
      if (last && last.done < last.total) draw(last);
      if (drawn && stream.isTTY) stream.write('\n');
    },
  };
}
