/**
 * Structure checks for generated HCL without a parser: brackets, quotes and heredocs balance, and
 * every line is a comment, a block opening, an attribute, a closing bracket or heredoc text.
 */
export function hclProblems(text: string): string[] {
  const problems: string[] = [];
  const stack: { c: string; line: number }[] = [];
  const pairs: Record<string, string> = { '}': '{', ']': '[', ')': '(' };
  let heredoc: string | null = null;
  text.split('\n').forEach((line, n) => {
    const ln = n + 1;
    if (heredoc !== null) {
      if (line.trim() === heredoc) heredoc = null;
      return;
    }
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    const shapes = [
      /^(resource|data|module|variable|output|locals|terraform|provider)( "[^"]+")* \{$/,
      /^[A-Za-z_][A-Za-z0-9_-]* *= *\S.*$/s,
      /^"[^"]+" *= *\S.*$/s,
      /^[}\])]+$/,
      /^\}\)$/,
      /^\{$/,
      // a nested block of a resource or data source: lifecycle {, postcondition {
      /^(lifecycle|postcondition|precondition) \{$/,
    ];
    if (!shapes.some((r) => r.test(t))) problems.push(`line ${ln}: unexpected shape: ${t}`);
    let inString = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
        // "$${" and "%%{" are the escapes; a lone "$$" is two literal dollars (HCL's string scanner)
        else if ((c === '$' || c === '%') && line[i + 1] === c && line[i + 2] === '{') i += 2;
        else if ((c === '$' || c === '%') && line[i + 1] === '{')
          problems.push(`line ${ln}: unescaped template sequence in a string`);
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '#') break;
      else if (c === '{' || c === '[' || c === '(') stack.push({ c, line: ln });
      else if (c in pairs) {
        const top = stack.pop();
        if (!top || top.c !== pairs[c]) problems.push(`line ${ln}: ${c} closes ${top ? top.c : 'nothing'}`);
      } else if (c === '<' && line.slice(i, i + 3) === '<<-') {
        const m = /^<<-([A-Z]+)$/.exec(line.slice(i).trim());
        if (!m) problems.push(`line ${ln}: bad heredoc`);
        else heredoc = m[1]!;
        break;
      }
    }
    if (inString) problems.push(`line ${ln}: unterminated string`);
  });
  if (heredoc !== null) problems.push(`heredoc ${heredoc} never ends`);
  for (const s of stack) problems.push(`line ${s.line}: ${s.c} never closed`);
  return problems;
}

/** The `KEY = "value"` pairs inside the first `NAME = {` … `}` (or jsonencode) block found after `after`. */
export function hclStringMap(text: string, blockOpen: string): Record<string, string> {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === blockOpen);
  if (start < 0) throw new Error(`no block "${blockOpen}"`);
  const out: Record<string, string> = {};
  for (let i = start + 1; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t.startsWith('}')) break;
    const m = /^([A-Za-z_][A-Za-z0-9_-]*) *= *"((?:[^"\\]|\\.)*)"$/.exec(t);
    if (!m) throw new Error(`not a string attribute: ${t}`);
    out[m[1]!] = JSON.parse(`"${m[2]}"`);
  }
  return out;
}
