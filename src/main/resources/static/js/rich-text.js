// A small formatting editor for a <textarea data-rich-text> holding HTML: a toolbar (bold, italic, heading, lists,
// link, plain paragraph) over an editable copy of the text. The textarea stays the form's field: every change is
// written back to it and announced with an "input" event, so the form's htmx autosave and a plain submit work as
// before. Without JavaScript the textarea itself is the editor. The server cleans whatever arrives (jsoup).
(() => {
  const commands = [
    { key: 'bold', command: 'bold' },
    { key: 'italic', command: 'italic' },
    { key: 'heading', command: 'formatBlock', value: 'h3' },
    { key: 'paragraph', command: 'formatBlock', value: 'p' },
    { key: 'bullets', command: 'insertUnorderedList' },
    { key: 'numbers', command: 'insertOrderedList' },
    { key: 'link', command: 'createLink' },
    { key: 'unlink', command: 'unlink' },
  ];

  const enhance = (textarea) => {
    const editor = document.createElement('div');
    editor.className = 'rich-text-editor';
    editor.contentEditable = 'true';
    editor.id = textarea.id + '-editor';
    editor.setAttribute('role', 'textbox');
    editor.setAttribute('aria-multiline', 'true');
    const label = document.querySelector('label[for="' + textarea.id + '"]');
    if (label) {
      label.id = label.id || textarea.id + '-label';
      editor.setAttribute('aria-labelledby', label.id);
      label.addEventListener('click', () => editor.focus());
    }
    editor.innerHTML = textarea.value;

    const toolbar = document.createElement('div');
    toolbar.className = 'rich-text-toolbar';
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-controls', editor.id);
    toolbar.setAttribute('aria-label', textarea.dataset.toolbarLabel || 'Formatierung');
    commands.forEach((c) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'rich-text-' + c.key;
      // The labels come from the messages files, as data-label-bold="Fett" and so on.
      button.textContent = textarea.dataset['label' + c.key.charAt(0).toUpperCase() + c.key.slice(1)] || c.key;
      // Keep the selection in the editor: a click on the button would otherwise take the focus first.
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => {
        editor.focus();
        let value = c.value;
        if (c.command === 'createLink') {
          value = window.prompt(textarea.dataset.linkPrompt || 'URL', 'https://');
          if (!value || !/^(https?:|mailto:)/i.test(value.trim())) {
            return;
          }
          value = value.trim();
        }
        document.execCommand(c.command, false, value);
        sync();
      });
      toolbar.appendChild(button);
    });

    const sync = () => {
      textarea.value = editor.innerHTML;
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    };
    editor.addEventListener('input', sync);
    // Paste as plain text: formatting from other programs (styles, fonts, Word markup) stays out.
    editor.addEventListener('paste', (event) => {
      event.preventDefault();
      const text = (event.clipboardData || window.clipboardData).getData('text/plain');
      document.execCommand('insertText', false, text);
    });

    textarea.hidden = true;
    textarea.after(toolbar, editor);
  };

  const start = () => {
    const textareas = document.querySelectorAll('textarea[data-rich-text]');
    if (textareas.length > 0) {
      // Enter starts a paragraph (<p>), which the server keeps, rather than a <div>, which it drops.
      document.execCommand('defaultParagraphSeparator', false, 'p');
    }
    textareas.forEach(enhance);
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
