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

  // Report forms: only the questions of the chosen category are shown and sent.
  const category = document.getElementById('categoryId');
  const questions = document.querySelectorAll('.category-questions');
  const showQuestions = () => questions.forEach((fieldset) => {
    const active = category && fieldset.dataset.category === category.value;
    fieldset.hidden = !active;
    fieldset.querySelectorAll('input, select').forEach((field) => { field.disabled = !active; });
  });
  if (category) {
    category.addEventListener('change', showQuestions);
    showQuestions();
  }

  // Public form: for "Sonstiges", suggest a category that fits the description better.
  const suggestionList = document.getElementById('suggestion-list');
  const description = document.getElementById('description');
  if (suggestionList && description && category && suggestionList.dataset.suggestUrl) {
    const others = (suggestionList.dataset.otherCategories || '').split(',');
    let timer;
    const suggest = () => {
      if (!others.includes(category.value) || description.value.trim().length < 10) {
        suggestionList.innerHTML = '';
        return;
      }
      fetch(suggestionList.dataset.suggestUrl + '?' + new URLSearchParams({ text: description.value }))
        .then((response) => (response.ok ? response.text() : ''))
        .then((html) => { suggestionList.innerHTML = html; wireChoices(); });
    };
    const wireChoices = () => document.querySelectorAll('[data-choose-category]').forEach((button) => {
      button.addEventListener('click', () => {
        category.value = button.dataset.chooseCategory;
        category.dispatchEvent(new Event('change'));
      });
    });
    description.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(suggest, 600); });
    category.addEventListener('change', suggest);
  }

  // Report forms: a click in the map sets the point.
  const reportMap = document.getElementById('report-map');
  if (reportMap && window.L) {
    const latitude = document.getElementById('latitude');
    const longitude = document.getElementById('longitude');
    const start = latitude.value && longitude.value ? [latitude.value, longitude.value] : [48.775, 9.18];
    const leaflet = L.map(reportMap).setView(start, 14);
    L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
      maxZoom: 19,
      attribution: '&copy; OpenStreetMap'
    }).addTo(leaflet);
    let marker = latitude.value && longitude.value ? L.marker(start).addTo(leaflet) : null;
    const nearby = document.getElementById('nearby');
    const showNearby = () => {
      if (!nearby || !nearby.dataset.nearbyUrl || !latitude.value) {
        return;
      }
      const query = new URLSearchParams({ latitude: latitude.value, longitude: longitude.value });
      if (category && category.value) {
        query.set('category', category.value);
      }
      fetch(nearby.dataset.nearbyUrl + '?' + query)
        .then((response) => (response.ok ? response.text() : ''))
        .then((html) => {
          nearby.innerHTML = html;
          // Near a boundary the reporter picks the district; the choice goes into the district field.
          nearby.querySelectorAll('[data-choose-district]').forEach((button) => {
            button.addEventListener('click', () => {
              document.getElementById('districtId').value = button.dataset.chooseDistrict;
              button.closest('#boundary-question').textContent = button.textContent + ' ✓';
            });
          });
        });
    };
    if (category) {
      category.addEventListener('change', showNearby);
    }
    leaflet.on('click', (event) => {
      latitude.value = event.latlng.lat.toFixed(6);
      longitude.value = event.latlng.lng.toFixed(6);
      showNearby();
      if (marker) {
        marker.setLatLng(event.latlng);
      } else {
        marker = L.marker(event.latlng).addTo(leaflet);
      }
    });
  }

  // Public map: open reports as points rounded to about 100 m.
  const publicMap = document.getElementById('public-map');
  if (publicMap && window.L) {
    const leaflet = L.map(publicMap).setView([48.775, 9.18], 13);
    L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
      maxZoom: 19,
      attribution: '&copy; OpenStreetMap'
    }).addTo(leaflet);
    fetch(publicMap.dataset.url).then((response) => response.json()).then((points) => {
      const markers = points.map((point) => {
        const label = document.createElement('span');
        label.textContent = point.publicId + ': ' + point.category; // text, never HTML
        return L.circleMarker([point.latitude, point.longitude], { radius: 6 }).bindPopup(label).addTo(leaflet);
      });
      if (markers.length) {
        leaflet.fitBounds(L.featureGroup(markers).getBounds().pad(0.1));
      }
    });
  }

  // Work queue map: the queue's reports at their points, linked to their pages.
  const queueMap = document.getElementById('queue-map');
  if (queueMap && window.L) {
    const leaflet = L.map(queueMap).setView([48.775, 9.18], 13);
    L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
      maxZoom: 19,
      attribution: '&copy; OpenStreetMap'
    }).addTo(leaflet);
    fetch(queueMap.dataset.url).then((response) => response.json()).then((points) => {
      const markers = points.map((point) => {
        const link = document.createElement('a');
        link.href = queueMap.dataset.link + point.id;
        link.textContent = point.label; // text, never HTML
        return L.circleMarker([point.latitude, point.longitude], { radius: 7, color: point.overdue ? '#a11212' : '#0b4f8a' })
          .bindPopup(link).addTo(leaflet);
      });
      if (markers.length) {
        leaflet.fitBounds(L.featureGroup(markers).getBounds().pad(0.1));
      }
    });
  }

  // Event form: clicks in the map draw the event's area as a polygon into the GeoJSON field.
  const areaMap = document.getElementById('area-map');
  if (areaMap && window.L) {
    const field = document.getElementById(areaMap.dataset.target);
    const leaflet = L.map(areaMap).setView([48.775, 9.18], 13);
    L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
      maxZoom: 19,
      attribution: '&copy; OpenStreetMap'
    }).addTo(leaflet);
    let points = [];
    let layer = null;
    if (field.value) {
      try {
        const geometry = JSON.parse(field.value);
        points = geometry.coordinates[0].slice(0, -1).map((p) => [p[1], p[0]]);
      } catch (e) {
        points = [];
      }
    }
    const draw = () => {
      if (layer) {
        leaflet.removeLayer(layer);
      }
      layer = points.length ? L.polygon(points).addTo(leaflet) : null;
      field.value = points.length >= 3 ? JSON.stringify({ type: 'Polygon',
        coordinates: [points.concat([points[0]]).map((p) => [p[1], p[0]])] }) : '';
    };
    draw();
    if (layer) {
      leaflet.fitBounds(layer.getBounds());
    }
    leaflet.on('click', (event) => {
      points.push([Number(event.latlng.lat.toFixed(6)), Number(event.latlng.lng.toFixed(6))]);
      draw();
    });
    document.getElementById('area-clear').addEventListener('click', () => { points = []; draw(); });
  }
  const map = document.getElementById('map');
  if (map && window.L) {
    const leaflet = L.map(map).setView([48.775, 9.18], 12);
    L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
      maxZoom: 19,
      attribution: '&copy; OpenStreetMap'
    }).addTo(leaflet);
    const geojson = map.getAttribute('data-geojson');
    let layer = null;
    if (geojson) {
      layer = L.geoJSON(JSON.parse(geojson)).addTo(leaflet);
      leaflet.fitBounds(layer.getBounds());
    }
    // Patrol areas: after "draw route" or "draw area" each click adds a point; the GeoJSON goes into the text field,
    // which stays editable for pasting.
    const target = map.getAttribute('data-draw') && document.getElementById(map.getAttribute('data-draw'));
    if (target) {
      let kind = null;
      let points = [];
      document.querySelectorAll('[data-draw-kind]').forEach((button) => button.addEventListener('click', () => {
        kind = button.getAttribute('data-draw-kind');
        points = [];
      }));
      leaflet.on('click', (event) => {
        if (!kind) {
          return;
        }
        points.push([Number(event.latlng.lng.toFixed(6)), Number(event.latlng.lat.toFixed(6))]);
        const geometry = kind === 'Polygon' && points.length >= 3
          ? { type: 'Polygon', coordinates: [points.concat([points[0]])] }
          : { type: 'LineString', coordinates: points };
        target.value = JSON.stringify(geometry);
        if (layer) {
          layer.remove();
        }
        layer = L.geoJSON(geometry).addTo(leaflet);
      });
    }
  }
});
