// Runs after every image has loaded or failed: marks each one, and replaces a broken one by a note
// that says how to rebuild it. Scripted checks read the marks (data-images, data-images-rendered).
window.addEventListener('load', function () {
  // a copy: replacing a broken image below would shift the live document.images list
  var images = Array.prototype.slice.call(document.images), rendered = 0;
  images.forEach(function (img) {
    var ok = img.complete && img.naturalWidth > 0;
    img.setAttribute('data-rendered', ok ? 'yes' : 'no');
    if (ok) { rendered++; return; }
    var note = document.createElement('div');
    note.className = 'missing';
    note.textContent = 'Plot missing: ' + img.getAttribute('src')
        + '. Rebuild the report with: delaynet report <run folder>';
    img.replaceWith(note);
  });
  document.body.setAttribute('data-images', String(images.length));
  document.body.setAttribute('data-images-rendered', String(rendered));
  // whether the page is wider than the window (it would scroll sideways): for scripted checks
  var root = document.documentElement;
  document.body.setAttribute('data-scrolls-sideways', root.scrollWidth > root.clientWidth ? 'yes' : 'no');
});
