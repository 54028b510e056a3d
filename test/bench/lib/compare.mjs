/**
 * The first place where two JSON values differ, as `path: a vs b`, or null when they are
 * equal. Key order is ignored (it is not part of the answer's meaning).
 */
export function firstDifference(a, b, path = '$') {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return `${path}: ${brief(a)} vs ${brief(b)}`;
    if (a.length !== b.length) return `${path}: ${a.length} entries vs ${b.length}`;
    for (let i = 0; i < a.length; i += 1) {
      const difference = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (difference) return difference;
    }
    return null;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const difference = firstDifference(a[key], b[key], `${path}.${key}`);
      if (difference) return difference;
    }
    return null;
  }
  return Object.is(a, b) ? null : `${path}: ${brief(a)} vs ${brief(b)}`;
}

function isObject(value) {
  return typeof value === 'object' && value !== null;
}

function brief(value) {
  return value === undefined ? 'absent' : JSON.stringify(value).slice(0, 80);
}
