/**
 * Runs the journey's steps in order, one line each — ✓ or ✗, the time it
 * took and what it produced — and stops at the first failure with its
 * message.
 */

export interface Step {
  title: string;
  /** Does the step; its answer (an id, a count) is printed after the tick. */
  run: () => Promise<string>;
}

export interface Output {
  line: (text: string) => void;
}

export const consoleOutput: Output = { line: (text) => console.log(text) };

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** True when every step passed; a failed step's message is printed under it and no later step runs. */
export async function runSteps(steps: Step[], output: Output = consoleOutput): Promise<boolean> {
  for (const [index, step] of steps.entries()) {
    const started = performance.now();
    const label = `${index + 1}. ${step.title}`;
    try {
      const detail = await step.run();
      output.line(`  ✓ ${label} (${seconds(started)})${detail ? ` — ${detail}` : ""}`);
    } catch (error) {
      output.line(`  ✗ ${label} (${seconds(started)})`);
      // Colour codes (Playwright's call logs carry them) would garble a log file.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character is what is being removed.
      const message = (error instanceof Error ? error.message : String(error)).replace(/\u001b\[[0-9;]*m/g, "");
      for (const line of message.split("\n")) output.line(`      ${line}`);
      const skipped = steps.slice(index + 1).map((later) => later.title);
      if (skipped.length > 0) output.line(`    not run: ${skipped.join("; ")}`);
      return false;
    }
  }
  return true;
}
