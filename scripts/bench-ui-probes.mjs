/**
 * bench:ui's probes (scripts/bench-ui.mjs), installed in the page before its scripts run: input to next
 * paint (rAF timing) and the last DOM change of every edit (a MutationObserver), and the Event Timing
 * entries. They run in the page, so they use nothing from this module's scope.
 */
/** Installs the two probes in the page before its scripts run. */
export function probes() {
  window.__lat = [];
  window.__events = [];
  const settle = (t0, kind, target, value) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => window.__lat.push({ kind, target, value, ms: performance.now() - t0 });
      ch.port2.postMessage(0);
    });
  const name = (e) => (e.target && e.target.id ? e.target.id.replace(/-\d+-/g, '-N-') : '?');
  // What the field holds after the edit ("24" on the way to "240"), for --by-field's slowest edits.
  const valueOf = (e) => (e.target?.type === 'checkbox' ? String(e.target.checked) : String(e.target?.value ?? ''));
  // When the last change an edit causes lands in the DOM (the chart and detail redraw a frame later).
  // The panels marked data-rested (the advisor, the tools) follow the plan only once an edit has rested
  // (300-400 ms, on purpose): their changes are timed apart (`rested`), not as the edit's redraw.
  window.__settled = [];
  window.__rested = [];
  let start = null;
  let last = null;
  let lastRested = null;
  // Where the last change landed: the class of the nearest panel (section) around it, for --by-field.
  let lastWhere = '?';
  // When the frame after the last DOM change has painted: the redraw is on screen (style, layout and
  // paint of a large redraw come after the mutation itself).
  let shown = null;
  let framePending = false;
  let target = '?';
  const close = () => {
    if (start !== null && last !== null && last >= start)
      window.__settled.push({
        target,
        ms: last - start,
        where: lastWhere,
        shownMs: shown !== null && shown >= last ? shown - start : null,
      });
    if (start !== null && lastRested !== null && lastRested >= start)
      window.__rested.push({ target, ms: lastRested - start });
    start = null;
  };
  let clicked = null;
  const begin = (e) => {
    // A checkbox's click is followed by its input event: one edit, timed from the click.
    if (e.type === 'input' && e.target === clicked && start !== null) return;
    clicked = e.type === 'click' ? e.target : null;
    close();
    start = e.timeStamp;
    last = null;
    lastRested = null;
    shown = null;
    target = name(e);
  };
  const elementOf = (node) => (node.nodeType === 1 ? node : node.parentElement);
  addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => {
      const now = performance.now();
      const own = records.filter((r) => !elementOf(r.target)?.closest('[data-rested]'));
      if (own.length < records.length) lastRested = now;
      if (!own.length) return;
      last = now;
      const el = elementOf(own[own.length - 1].target);
      const panel = el && el.closest('section, aside, header, main');
      lastWhere = panel ? `${panel.tagName.toLowerCase()}.${[...panel.classList].join('.')}` : '?';
      if (framePending) return;
      framePending = true;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          framePending = false;
          shown = performance.now();
        };
        ch.port2.postMessage(0);
      });
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  window.__closeSettled = close;
  addEventListener(
    'input',
    (e) => {
      begin(e);
      settle(e.timeStamp, 'input', name(e), valueOf(e));
    },
    true,
  );
  addEventListener(
    'click',
    (e) => {
      begin(e);
      settle(e.timeStamp, 'click', name(e), valueOf(e));
    },
    true,
  );
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__events.push({
        name: e.name,
        duration: e.duration,
        // Input delay (the main thread was busy when the event came) and the handlers' own time.
        delay: e.processingStart - e.startTime,
        processing: e.processingEnd - e.processingStart,
        id: e.interactionId,
        target: e.target && (e.target.id || e.target.tagName),
      });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
}
