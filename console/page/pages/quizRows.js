// A list the marketer grows and shrinks in place (the questions of a quiz,
// the options of a question): each item is numbered by its place, the "add"
// button hides at the limit, and focus stays where the person was working.
// Each item hides its own "remove" button at the lower limit (`renumber`).

/**
 * `make(value, remove)` builds an item `{ node, focus, renumber(number, count) }`
 * that calls `remove` to take itself out; `onChange` runs after every
 * addition or removal. `fill(values)` draws the first items.
 */
export function growingList({ list, add, max, make, onChange }) {
  const items = [];
  const renumber = () => {
    items.forEach((item, index) => item.renumber(index + 1, items.length));
    add.hidden = items.length >= max;
  };
  const append = (value) => {
    const item = make(value, () => {
      const at = items.indexOf(item);
      items.splice(at, 1);
      item.node.remove();
      renumber();
      // The list may be left empty (a campaign needs no buttons): focus moves to "add".
      (items[Math.min(at, items.length - 1)] ?? add).focus();
      onChange();
    });
    items.push(item);
    list.append(item.node);
  };
  add.addEventListener('click', () => {
    append(undefined);
    renumber();
    items.at(-1).focus();
    onChange();
  });
  return {
    items,
    fill: (values) => {
      values.forEach(append);
      renumber();
    },
  };
}
