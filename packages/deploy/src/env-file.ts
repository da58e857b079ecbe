/**
 * `deploy.env`: one `NAME=value` per line, `#` comments, blank lines, an
 * optional `export ` prefix and optional single or double quotes around the
 * value — the dotenv subset a person writes by hand. A line that is none of
 * these is reported with its number, never guessed at.
 */

export interface EnvFile {
  values: Record<string, string>;
  /** Lines that could not be read, e.g. "line 7: expected NAME=value". */
  problems: string[];
}

const LINE = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

export function parseEnvFile(text: string): EnvFile {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const match = LINE.exec(line);
    if (!match) {
      problems.push(`line ${index + 1}: expected NAME=value`);
      return;
    }
    const name = match[1] as string;
    let value = (match[2] as string).trim();
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2] as string;
    else value = value.replace(/\s+#.*$/, "");
    if (Object.hasOwn(values, name)) problems.push(`line ${index + 1}: ${name} is set twice`);
    values[name] = value;
  });
  return { values, problems };
}
