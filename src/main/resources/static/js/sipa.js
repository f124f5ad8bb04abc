// Behaviour without inline scripts (the Content-Security-Policy forbids them).
document.addEventListener('DOMContentLoaded', () => {
  const toggle = document.querySelector('.nav-toggle');
  const nav = document.getElementById('main-nav');
  if (toggle && nav) {
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', String(!open));
      nav.classList.toggle('open', !open);
    });
  }

  document.addEventListener('submit', (event) => {
    const message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  const map = document.getElementById('map');
  if (map && window.L) {
    const leaflet = L.map(map).setView([48.775, 9.18], 12);
    L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
      maxZoom: 19,
      attribution: '&copy; OpenStreetMap'
    }).addTo(leaflet);
    const geojson = map.getAttribute('data-geojson');
    if (geojson) {
      const layer = L.geoJSON(JSON.parse(geojson)).addTo(leaflet);
      leaflet.fitBounds(layer.getBounds());
    }
  }
});
