import { open, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { errorMessage } from '../core/errors/error-message.ts';
import { truncateDescription } from '../core/evaluation/gate-state.ts';
import { readMetricReport, type MetricReading } from '../core/metrics/metric-report.ts';
import { metricContext, recordedMetricDescription } from '../core/metrics/recorded-metric.ts';
import type { Logger } from '../gate/logger.ts';
import type { Publisher } from '../github/publish/publisher.ts';
import type { MetricSettings } from './settings.ts';

/** A report larger than this is not read: a figure's report is a few kilobytes. */
export const MAX_METRIC_REPORT_BYTES = 10 * 1024 * 1024;
const CHUNK = 1024 * 1024;

export interface MetricRecord {
  ok: boolean;
  /** The status description: the figure, or what is wrong with the report (never truncated). */
  description: string;
}

type ReportText = { ok: true; text: string } | { ok: false; why: string };

const tooLarge = (): ReportText => ({ ok: false, why: `larger than ${MAX_METRIC_REPORT_BYTES / 1024 / 1024} MiB, so it was not read` });

/** UTF-8, or UTF-16 with its byte order mark (as PowerShell writes); a byte order mark is dropped. */
function decode(bytes: Buffer): ReportText {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  const text = new TextDecoder(encoding).decode(bytes);
  // Digits between NULs would read as a wrong figure ("7\0.\04" as 7): refuse rather than guess.
  if (text.includes('\0')) return { ok: false, why: 'not text (it holds NUL bytes: a binary file, or UTF-16 without a byte order mark)' };
  return { ok: true, text };
}

/** The report's text, read no further than the cap even when it grows while read. */
async function readBounded(path: string): Promise<ReportText> {
  const info = await stat(path);
  if (info.isDirectory()) return { ok: false, why: 'a directory, not a file' };
  // A FIFO or a device could block the step or never end.
  if (!info.isFile()) return { ok: false, why: 'not a regular file' };
  if (info.size > MAX_METRIC_REPORT_BYTES) return tooLarge();
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(CHUNK, MAX_METRIC_REPORT_BYTES + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > MAX_METRIC_REPORT_BYTES) return tooLarge();
    }
    return decode(Buffer.concat(chunks, total));
  } finally {
    await handle.close();
  }
}

async function readReport(workspace: string, metric: MetricSettings): Promise<MetricReading> {
  const { file } = metric;
  const path = isAbsolute(file) ? file : resolve(workspace, file);
  let read: ReportText;
  try {
    read = await readBounded(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file (the path is relative to the workspace; run this step after the measurement)' : errorMessage(error);
    read = { ok: false, why };
  }
  if (!read.ok) return { ok: false, message: `${file}: ${read.why}` };
  return readMetricReport(read.text, metric.location, file);
}

export interface MetricInput {
  metric: MetricSettings;
  workspace: string;
  /** This workflow run's page, where the figure came from. */
  runUrl: string | null;
}

/**
 * Records the figure a report holds on the commits as the status
 * `release-readiness/metric/<id>`, for the `metric` check to read back with no file at hand.
 * An unreadable report is recorded as an error, so that the gate blocks rather than waits,
 * and never as a figure.
 */
export async function recordMetric(publisher: Publisher, input: MetricInput, commits: readonly string[], log: Logger): Promise<MetricRecord> {
  const { metric } = input;
  const reading = await readReport(input.workspace, metric);
  const record: MetricRecord = reading.ok
    ? { ok: true, description: recordedMetricDescription(reading.value, metric.unit) }
    : { ok: false, description: `Unreadable metric: ${reading.message}` };
  const context = metricContext(metric.id);
  for (const sha of commits) {
    await publisher.status({
      sha,
      context,
      state: record.ok ? 'success' : 'error',
      description: truncateDescription(record.description),
      targetUrl: input.runUrl ?? '',
      previous: undefined,
    });
    log.info(`Metric ${metric.id} of ${sha.slice(0, 7)} recorded: ${record.description}`);
  }
  if (commits.length === 0) log.info(`No commit to record metric ${metric.id} on: ${record.description}`);
  return record;
}
