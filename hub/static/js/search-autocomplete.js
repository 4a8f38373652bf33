// Search suggestions as an accessible combobox (WAI-ARIA 1.2 list autocomplete).
// Without this module the search box is a plain form field; with it, typing offers up to eight
// titles the reader may open. Up and Down move through them, Enter opens one, Escape closes the list.

const DELAY_MS = 200;
const MIN_LENGTH = 2;

function enhance(input) {
  const url = input.dataset.autocompleteUrl;
  const listId = `${input.id}-suggestions`;
  const list = document.createElement("ul");
  list.id = listId;
  list.className = "hub-autocomplete__list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggestions");
  list.hidden = true;
  const status = document.createElement("div");
  status.className = "govuk-visually-hidden";
  status.setAttribute("role", "status");
  input.after(list, status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", listId);
  input.setAttribute("aria-expanded", "false");

  let options = [];
  let active = -1;
  let timer = null;
  let controller = null;

  function close() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    options = [];
    active = -1;
  }

  function highlight(index) {
    options.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    active = index;
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].id);
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function show(suggestions) {
    close();
    suggestions.forEach((suggestion, i) => {
      const option = document.createElement("li");
      option.id = `${listId}-${i}`;
      option.className = "hub-autocomplete__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.url = suggestion.url;
      option.textContent = suggestion.title;
      const kind = document.createElement("span");
      kind.className = "hub-autocomplete__kind";
      kind.textContent = ` ${suggestion.type}`;
      option.append(kind);
      option.addEventListener("mousedown", (event) => event.preventDefault());
      option.addEventListener("click", () => window.location.assign(suggestion.url));
      list.append(option);
      options.push(option);
    });
    const count = suggestions.length;
    status.textContent = count ? `${count} suggestion${count === 1 ? "" : "s"}. Use up and down to choose one.` : "";
    if (count) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
  }

  async function fetchSuggestions(text) {
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`${url}?q=${encodeURIComponent(text)}`, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: controller.signal,
      });
      if (!response.ok) return close();
      const data = await response.json();
      if (input.value.trim() === data.query) show(data.suggestions);
    } catch (error) {
      if (error.name !== "AbortError") close();
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const text = input.value.trim().replace(/\s+/g, " ");
    if (text.length < MIN_LENGTH) return close();
    timer = setTimeout(() => fetchSuggestions(text), DELAY_MS);
  });

  input.addEventListener("keydown", (event) => {
    if (list.hidden) return;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      highlight((active + 1) % options.length);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.assign(options[active].dataset.url);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });

  input.addEventListener("blur", close);
}

document.querySelectorAll("input[data-autocomplete-url]").forEach(enhance);
