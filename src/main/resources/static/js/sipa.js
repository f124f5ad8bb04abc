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

  // The menu's groups work without script; with it, one group is open at a time and a click elsewhere closes it.
  const groups = document.querySelectorAll('.nav-group');
  groups.forEach((group) => group.addEventListener('toggle', () => {
    if (group.open) {
      groups.forEach((other) => { if (other !== group) { other.open = false; } });
    }
  }));
  document.addEventListener('click', (event) => {
    groups.forEach((group) => { if (group.open && !group.contains(event.target)) { group.open = false; } });
  });

  // A table or chart wider than its box scrolls inside it; a keyboard can scroll it only if the box takes the focus
  // (WCAG 2.1.1). So a box that scrolls becomes focusable, named after its table or chart, and stops when it fits again.
  // On a phone a table of class "data" is its own scrolling box: it keeps its role of a table and its caption's name.
  const scrollableTables = () => document.querySelectorAll('.table-wrap, .table-scroll, .chart-scroll, table.data')
    .forEach((box) => {
      if (box.scrollWidth > box.clientWidth + 1) {
        if (!box.hasAttribute('tabindex')) {
          box.setAttribute('tabindex', '0');
          box.dataset.madeFocusable = 'true';
        }
        if (box.tagName !== 'TABLE' && !box.hasAttribute('role')) {
          box.setAttribute('role', 'region');
        }
        if (box.tagName !== 'TABLE' && !box.hasAttribute('aria-label') && !box.hasAttribute('aria-labelledby')) {
          const figure = box.closest('figure');
          let heading = box.previousElementSibling;
          while (heading && !/^H[1-6]$/.test(heading.tagName)) { heading = heading.previousElementSibling; }
          const named = box.querySelector('caption') || (figure && figure.querySelector('figcaption')) || heading;
          const name = named ? named.textContent.trim() : '';
          if (name) { box.setAttribute('aria-label', name); }
        }
      } else if (box.dataset.madeFocusable) {
        box.removeAttribute('tabindex');
        delete box.dataset.madeFocusable;
      }
    });
  scrollableTables();
  let resizing;
  window.addEventListener('resize', () => { clearTimeout(resizing); resizing = setTimeout(scrollableTables, 150); });
  document.body.addEventListener('htmx:afterSettle', scrollableTables);

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

  // Maps: every map is made by createMap, with the installation's tiles and attribution and the partnership's
  // district outlines as vectors (so a map shows the city even where no tile loads). The settings come from
  // #map-config (fragments/map.html). The map starts on its focus (a point or bounds) if it has one, else on the
  // partnership's area. Returns the Leaflet map and a promise of the area's bounds (null without districts).
  const mapConfig = document.getElementById('map-config');
  const createMap = (element, focus) => {
    const config = mapConfig.dataset;
    const leaflet = L.map(element);
    leaflet.whenReady(() => element.classList.add('map-ready')); // has its view: taps land (tests wait for it)
    L.tileLayer(config.tileUrl, { maxZoom: 19, attribution: config.attribution }).addTo(leaflet);
    if (focus instanceof L.LatLngBounds) {
      leaflet.fitBounds(focus, { maxZoom: 17 });
    } else if (focus) {
      leaflet.setView(focus, 17);
    }
    const area = fetch(config.districtsUrl)
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null)
      .then((outlines) => {
        const layer = outlines && outlines.features && outlines.features.length
          ? L.geoJSON(outlines, { interactive: false, className: 'district-outline',
            style: { color: '#0b4f8a', weight: 2, opacity: 0.6, fillOpacity: 0.04 } })
          : null;
        if (layer) {
          layer.addTo(leaflet).bringToBack();
        }
        const bounds = layer ? layer.getBounds() : null;
        if (!focus) {
          if (bounds) {
            leaflet.fitBounds(bounds);
          } else {
            leaflet.setView([51.16, 10.45], 6); // no districts drawn yet: Germany
          }
        }
        return bounds;
      });
    return { leaflet, area };
  };
  const ready = mapConfig && window.L;

  // Report forms: the place is set by a tap into the map, the device's location or an address search; the
  // coordinates are filled in (and can be typed under "Koordinaten").
  const reportMap = document.getElementById('report-map');
  if (reportMap && ready) {
    const latitude = document.getElementById('latitude');
    const longitude = document.getElementById('longitude');
    const address = document.getElementById('address');
    const chosen = document.getElementById('place-chosen');
    const start = latitude.value && longitude.value ? L.latLng(latitude.value, longitude.value) : null;
    const { leaflet, area } = createMap(reportMap, start);
    let marker = start ? L.marker(start).addTo(leaflet) : null;
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
    const setPoint = (latlng, zoomIn, label) => {
      latitude.value = latlng.lat.toFixed(6);
      longitude.value = latlng.lng.toFixed(6);
      if (marker) {
        marker.setLatLng(latlng);
      } else {
        marker = L.marker(latlng).addTo(leaflet);
      }
      if (zoomIn) {
        leaflet.setView(latlng, 17);
      }
      chosen.textContent = chosen.dataset.chosen + ' ' + (label || latitude.value + ', ' + longitude.value);
      showNearby();
    };
    if (category) {
      category.addEventListener('change', showNearby);
    }
    leaflet.on('click', (event) => setPoint(event.latlng, false));

    const locate = document.getElementById('locate-me');
    if (locate && navigator.geolocation && window.isSecureContext) {
      locate.hidden = false;
      locate.addEventListener('click', () => navigator.geolocation.getCurrentPosition(
        (position) => setPoint(L.latLng(position.coords.latitude, position.coords.longitude), true),
        () => { chosen.textContent = locate.dataset.failed; },
        { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }));
    }

    // Address search through SiPa's proxy to the installation's geocoder, limited to the partnership's area.
    const searchButton = document.getElementById('address-search');
    const results = document.getElementById('address-results');
    if (searchButton && results && mapConfig.dataset.geocoderUrl) {
      const say = (text) => {
        const item = document.createElement('li');
        item.className = 'hint';
        item.textContent = text;
        results.replaceChildren(item);
      };
      const search = () => {
        const text = address.value.trim();
        if (text.length < 3) {
          return;
        }
        area.then((bounds) => {
          const query = new URLSearchParams({ q: text });
          if (bounds) {
            query.set('viewbox', bounds.toBBoxString());
          }
          return fetch(mapConfig.dataset.geocoderUrl + '?' + query);
        }).then((response) => {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          return response.json();
        }).then((places) => {
          if (!places.length) {
            say(results.dataset.none);
            return;
          }
          results.replaceChildren(...places.map((place) => {
            const item = document.createElement('li');
            const choose = document.createElement('button');
            choose.type = 'button';
            choose.textContent = place.label; // text, never HTML
            choose.addEventListener('click', () => {
              address.value = place.label;
              results.replaceChildren();
              setPoint(L.latLng(place.latitude, place.longitude), true, place.label);
            });
            item.appendChild(choose);
            return item;
          }));
        }).catch(() => say(results.dataset.failed));
      };
      searchButton.addEventListener('click', search);
      // Enter in the address field searches instead of sending the whole report.
      address.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          search();
        }
      });
    }
  }

  // A report's page: its place on a small map.
  const placeMap = document.getElementById('place-map');
  if (placeMap && ready) {
    const point = L.latLng(placeMap.dataset.latitude, placeMap.dataset.longitude);
    L.marker(point).addTo(createMap(placeMap, point).leaflet);
  }

  // A network's page: its member towns, each at the middle of its districts, named on the map.
  const networkMap = document.getElementById('network-map');
  if (networkMap && ready) {
    const towns = [...document.querySelectorAll('#network-towns [data-latitude]')].map((town) => ({
      point: L.latLng(town.dataset.latitude, town.dataset.longitude), name: town.dataset.name }));
    const focus = towns.length ? L.latLngBounds(towns.map((town) => town.point)).pad(0.3) : null;
    const { leaflet } = createMap(networkMap, focus);
    towns.forEach((town) => L.marker(town.point).bindTooltip(town.name, { permanent: true }).addTo(leaflet));
    networkMap.classList.add('points-ready');
  }

  // Public map and work queue map: reports at their points; the map starts on the partnership's area and shows
  // the points' extent only where no districts are drawn.
  const pointsMap = (element, marker) => {
    const { leaflet, area } = createMap(element);
    Promise.all([area, fetch(element.dataset.url).then((response) => response.json())]).then(([bounds, points]) => {
      const markers = points.map((point) => marker(point).addTo(leaflet));
      if (!bounds && markers.length) {
        leaflet.fitBounds(L.featureGroup(markers).getBounds().pad(0.1));
      }
      element.classList.add('points-ready'); // the points are drawn (tests wait for it)
    });
    return { leaflet, area };
  };
  const publicMap = document.getElementById('public-map');
  if (publicMap && ready) {
    pointsMap(publicMap, (point) => {
      const label = document.createElement('span');
      label.textContent = point.publicId + ': ' + point.category; // text, never HTML
      return L.circleMarker([point.latitude, point.longitude], { radius: 6 }).bindPopup(label);
    });
  }
  // Work queue map. Those who may draw places also pick reports for a new place: a rectangle from two taps into the
  // map, or a tick in a report's popup; "Ort aus der Auswahl anlegen" opens the place form with the outline around them.
  const queueMap = document.getElementById('queue-map');
  if (queueMap && ready) {
    const selection = document.getElementById('place-from-selection');
    const chosen = new Map(); // number -> marker
    const markers = [];
    const colour = (point) => (point.overdue ? '#a11212' : '#0b4f8a');
    const showSelection = () => {
      if (!selection) {
        return;
      }
      const max = Number(selection.dataset.max) || 200;
      const numbers = Array.from(chosen.keys()).slice(0, max);
      document.getElementById('selected-reports').value = numbers.join(',');
      const count = document.getElementById('selection-count');
      count.textContent = count.dataset.template.replace('{0}', numbers.length);
      document.getElementById('place-from-selection-submit').disabled = numbers.length === 0;
    };
    const choose = (marker, point, on) => {
      if (on) {
        chosen.set(point.number, marker);
      } else {
        chosen.delete(point.number);
      }
      marker.setStyle(on ? { color: '#c25e00', fillColor: '#f59e0b', fillOpacity: 0.9, weight: 3 }
        : { color: colour(point), fillColor: colour(point), fillOpacity: 0.2, weight: 3 });
      if (marker.getElement()) {
        marker.getElement().classList.toggle('chosen', on);
      }
      showSelection();
    };
    const { leaflet } = pointsMap(queueMap, (point) => {
      const marker = L.circleMarker([point.latitude, point.longitude], { radius: 7, color: colour(point) });
      const popup = document.createElement('div');
      const link = document.createElement('a');
      link.href = queueMap.dataset.link + point.id;
      link.textContent = point.label; // text, never HTML
      popup.appendChild(link);
      if (selection) {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.className = 'choose-report';
        label.append(box, ' ', selection.dataset.choose);
        box.addEventListener('change', () => choose(marker, point, box.checked));
        marker.on('popupopen', () => { box.checked = chosen.has(point.number); });
        popup.append(document.createElement('br'), label);
      }
      markers.push({ marker, point });
      return marker.bindPopup(popup);
    });
    if (selection) {
      const button = document.getElementById('select-rectangle');
      const idle = button.textContent;
      let corner = null;
      let frame = null;
      const stop = () => {
        corner = null;
        button.setAttribute('aria-pressed', 'false');
        button.textContent = idle;
        queueMap.classList.remove('selecting');
      };
      button.addEventListener('click', () => {
        if (frame) {
          frame.remove();
          frame = null;
        }
        corner = 'waiting';
        button.setAttribute('aria-pressed', 'true');
        button.textContent = selection.dataset.active;
        queueMap.classList.add('selecting');
      });
      leaflet.on('click', (event) => {
        if (!corner) {
          return;
        }
        if (corner === 'waiting') {
          corner = event.latlng;
          frame = L.rectangle(L.latLngBounds(corner, corner), { color: '#c25e00', weight: 2, dashArray: '4',
            fillOpacity: 0.05, interactive: false }).addTo(leaflet);
          return;
        }
        const bounds = L.latLngBounds(corner, event.latlng);
        frame.setBounds(bounds);
        markers.filter(({ marker }) => bounds.contains(marker.getLatLng()))
          .forEach(({ marker, point }) => choose(marker, point, true));
        stop();
      });
      leaflet.on('mousemove', (event) => {
        if (frame && corner && corner !== 'waiting') {
          frame.setBounds(L.latLngBounds(corner, event.latlng));
        }
      });
      document.getElementById('select-clear').addEventListener('click', () => {
        markers.forEach(({ marker, point }) => choose(marker, point, false));
        if (frame) {
          frame.remove();
          frame = null;
        }
        stop();
      });
      showSelection();
    }
  }

  // Hotspots (situation picture): the grid's cells from the page's own GeoJSON download, the significant ones coloured
  // by their Gi* class (colours in sipa.css, as in the legend) and, switchable, the kernel density as a heat layer.
  const hotspotMap = document.getElementById('hotspot-map');
  if (hotspotMap && ready) {
    const { leaflet } = createMap(hotspotMap);
    const labels = {};
    document.querySelectorAll('[data-class-label]').forEach((item) => {
      labels[item.dataset.classLabel] = item.textContent;
    });
    const number = (value, digits) => value.toLocaleString(document.documentElement.lang || 'de',
      { maximumFractionDigits: digits });
    const popup = (properties) => {
      const text = document.createElement('span'); // text, never HTML
      text.textContent = properties.count + ' ' + hotspotMap.dataset.countLabel + ' · z = ' + number(properties.z, 2)
        + ' · p_fdr = ' + number(properties.p_fdr, 4) + (labels[properties.class] ? ' · ' + labels[properties.class] : '');
      return text;
    };
    // Light yellow to dark red, as the legend's scale.
    const heat = (share) => 'hsl(' + Math.round(55 - 55 * share) + ', 95%, ' + Math.round(85 - 50 * share) + '%)';
    fetch(hotspotMap.dataset.url).then((response) => response.json()).then((grid) => {
      const cells = grid.features;
      const max = cells.reduce((most, cell) => Math.max(most, cell.properties.density), 0);
      const layer = (features, style) => L.geoJSON({ type: 'FeatureCollection', features }, {
        style,
        onEachFeature: (feature, path) => path.bindPopup(() => popup(feature.properties)),
      });
      const density = layer(cells.filter((cell) => max > 0 && cell.properties.density >= max * 0.02), (cell) => ({
        className: 'density-cell', stroke: false, fillColor: heat(cell.properties.density / max), fillOpacity: 0.55 }));
      const classes = layer(cells.filter((cell) => cell.properties.class !== 'none'), (cell) => ({
        className: 'hotspot-cell hotspot-' + cell.properties.class, weight: 1, fillOpacity: 0.7 }));
      const toggle = (box, shown) => {
        const apply = () => {
          if (box.checked) {
            shown.addTo(leaflet);
          } else {
            shown.remove();
          }
          if (leaflet.hasLayer(classes)) {
            classes.bringToFront();
          }
        };
        box.addEventListener('change', apply);
        apply();
      };
      toggle(document.getElementById('layer-density'), density);
      toggle(document.getElementById('layer-gi'), classes);
      hotspotMap.classList.add('hotspots-loaded'); // the layers are drawn (tests wait for it)
    });
    document.querySelectorAll('[data-focus]').forEach((button) => button.addEventListener('click', () => {
      leaflet.setView(button.dataset.focus.split(',').map(Number), 17);
      hotspotMap.scrollIntoView({ behavior: 'smooth' });
    }));
  }

  // Hotspot change (situation picture): the cells with a pattern from the page's own GeoJSON download, each with its
  // class's colour, border pattern and, when zoomed in, its symbol (all in sipa.css, as in the legend).
  const changeMap = document.getElementById('hotspot-change-map');
  if (changeMap && ready) {
    const { leaflet } = createMap(changeMap);
    const labels = {};
    document.querySelectorAll('[data-change-label]').forEach((item) => {
      labels[item.dataset.changeLabel] = item.textContent;
    });
    const popup = (properties) => {
      const text = document.createElement('span'); // text, never HTML
      text.textContent = (labels[properties.class] || properties.class) + ' · ' + changeMap.dataset.earlierLabel + ': '
        + properties.count_earlier + ' · ' + changeMap.dataset.laterLabel + ': ' + properties.count_later
        + ' · ' + properties.pattern;
      return text;
    };
    fetch(changeMap.dataset.url).then((response) => response.json()).then((grid) => {
      const changed = grid.features.filter((cell) => cell.properties.class !== 'none');
      L.geoJSON({ type: 'FeatureCollection', features: changed }, {
        style: (cell) => ({ className: 'change-cell change-' + cell.properties.class, weight: 2, fillOpacity: 0.65 }),
        onEachFeature: (feature, path) => path.bindPopup(() => popup(feature.properties)),
      }).addTo(leaflet);
      const symbols = L.layerGroup(changed.map((cell) => {
        const ring = cell.geometry.coordinates[0];
        const centre = [(ring[0][1] + ring[2][1]) / 2, (ring[0][0] + ring[2][0]) / 2];
        return L.marker(centre, { interactive: false, keyboard: false,
          icon: L.divIcon({ className: 'change-symbol sym-' + cell.properties.class, iconSize: [16, 16] }) });
      }));
      const showSymbols = () => {
        if (leaflet.getZoom() >= 15) {
          symbols.addTo(leaflet);
        } else {
          symbols.remove();
        }
      };
      leaflet.on('zoomend', showSymbols);
      showSymbols();
      changeMap.classList.add('hotspots-loaded'); // the layer is drawn (tests wait for it)
    });
    document.querySelectorAll('[data-focus]').forEach((button) => button.addEventListener('click', () => {
      leaflet.setView(button.dataset.focus.split(',').map(Number), 17);
      changeMap.scrollIntoView({ behavior: 'smooth' });
    }));
  }

  // Event form and a place's comparison area: clicks in the map draw a polygon into the GeoJSON field.
  const areaMap = document.getElementById('area-map');
  if (areaMap && ready) {
    const field = document.getElementById(areaMap.dataset.target);
    let points = [];
    if (field.value) {
      try {
        const geometry = JSON.parse(field.value);
        points = geometry.coordinates[0].slice(0, -1).map((p) => [p[1], p[0]]);
      } catch (e) {
        points = [];
      }
    }
    // data-context: GeoJSON shown under the drawing, not editable (a place and its buffer under its comparison area)
    const context = areaMap.dataset.context ? L.geoJSON(JSON.parse(areaMap.dataset.context), { interactive: false,
      style: (feature) => ({ color: feature.properties && feature.properties.role === 'buffer' ? '#e8a33d' : '#b5485d',
        weight: 2, fillOpacity: 0.15 }) }) : null;
    const focus = points.length ? L.latLngBounds(points) : null;
    const { leaflet } = createMap(areaMap, context ? context.getBounds().pad(1.5) : focus);
    if (context) {
      context.addTo(leaflet);
    }
    let layer = null;
    const draw = () => {
      if (layer) {
        leaflet.removeLayer(layer);
      }
      layer = points.length ? L.polygon(points).addTo(leaflet) : null;
      field.value = points.length >= 3 ? JSON.stringify({ type: 'Polygon',
        coordinates: [points.concat([points[0]]).map((p) => [p[1], p[0]])] }) : '';
    };
    draw();
    leaflet.on('click', (event) => {
      points.push([Number(event.latlng.lat.toFixed(6)), Number(event.latlng.lng.toFixed(6))]);
      draw();
    });
    document.getElementById('area-clear').addEventListener('click', () => { points = []; draw(); });
  }

  // District, patrol area, event and place pages: the shape from data-geojson, which the map starts on.
  const map = document.getElementById('map');
  if (map && ready) {
    const parse = (text) => {
      try {
        return text ? JSON.parse(text) : null;
      } catch (e) {
        return null; // pasted text that is no JSON (yet): the server says what is wrong with it
      }
    };
    // Places: a point is drawn as its circle with the radius typed into the field named by data-radius.
    const radiusField = map.dataset.radius && document.getElementById(map.dataset.radius);
    const radius = () => Number(radiusField && radiusField.value) || 0;
    const shape = (geometry) => {
      try {
        return geometry.type === 'Point' && radius() > 0
          ? L.circle([geometry.coordinates[1], geometry.coordinates[0]], { radius: radius() })
          : L.geoJSON(geometry);
      } catch (e) {
        return null;
      }
    };
    const initial = parse(map.getAttribute('data-geojson'));
    let start = null;
    try {
      start = initial ? L.geoJSON(initial).getBounds() : null;
    } catch (e) {
      start = null;
    }
    const { leaflet } = createMap(map, start && start.isValid() ? start : null);
    let layer = initial ? shape(initial) : null;
    if (layer) {
      layer.addTo(leaflet);
    }
    // Patrol areas and places: after "draw route/line", "draw area" or "draw point" each click adds a point (a point
    // replaces the last); the GeoJSON goes into the text field, which stays editable for pasting.
    const target = map.getAttribute('data-draw') && document.getElementById(map.getAttribute('data-draw'));
    if (target) {
      let kind = null;
      let points = [];
      const redraw = () => {
        if (layer) {
          layer.remove();
        }
        const geometry = parse(target.value);
        layer = geometry ? shape(geometry) : null;
        if (layer) {
          layer.addTo(leaflet);
        }
      };
      document.querySelectorAll('[data-draw-kind]').forEach((button) => button.addEventListener('click', () => {
        kind = button.getAttribute('data-draw-kind');
        points = [];
        document.querySelectorAll('[data-draw-kind]').forEach((other) => {
          other.setAttribute('aria-pressed', String(other === button));
        });
      }));
      document.querySelectorAll('[data-draw-clear]').forEach((button) => button.addEventListener('click', () => {
        points = [];
        target.value = '';
        redraw();
      }));
      leaflet.on('click', (event) => {
        if (!kind) {
          return;
        }
        const point = [Number(event.latlng.lng.toFixed(6)), Number(event.latlng.lat.toFixed(6))];
        points = kind === 'Point' ? [point] : points.concat([point]);
        let geometry;
        if (kind === 'Point') {
          geometry = { type: 'Point', coordinates: point };
        } else if (kind === 'Polygon' && points.length >= 3) {
          geometry = { type: 'Polygon', coordinates: [points.concat([points[0]])] };
        } else {
          geometry = { type: 'LineString', coordinates: points };
        }
        target.value = JSON.stringify(geometry);
        redraw();
      });
      target.addEventListener('input', redraw);
      if (radiusField) {
        radiusField.addEventListener('input', redraw);
      }
    }
  }

  // Places: the areas of the places in the viewport, loaded again when the map moves, coloured by status (colours in
  // sipa.css, as in the legend); each links to its place.
  const placesMap = document.getElementById('places-map');
  if (placesMap && ready) {
    const { leaflet } = createMap(placesMap);
    let layer = null;
    let latest = 0;
    const load = () => {
      const request = ++latest;
      fetch(placesMap.dataset.url + '?' + new URLSearchParams({ bbox: leaflet.getBounds().toBBoxString() }))
        .then((response) => (response.ok ? response.json() : null))
        .then((places) => {
          if (!places || request !== latest) {
            return; // an answer overtaken by a later move
          }
          if (layer) {
            layer.remove();
          }
          layer = L.geoJSON(places, {
            style: (place) => ({ className: 'place-outline place-' + place.properties.status, weight: 2, fillOpacity: 0.4 }),
            onEachFeature: (place, path) => path.bindPopup(() => {
              const link = document.createElement('a');
              link.href = placesMap.dataset.link + place.id;
              link.textContent = place.properties.name + ' · ' + place.properties.statusLabel; // text, never HTML
              return link;
            }),
          }).addTo(leaflet);
          placesMap.classList.add('places-loaded'); // the places are drawn (tests wait for it)
        });
    };
    leaflet.on('moveend', load);
  }

  // Site audits on the phone: a note being typed is kept on the device until the server has saved it, so a dropped
  // connection loses nothing; the page after a save names the draft it saved (data-saved-draft).
  document.querySelectorAll('textarea[data-draft]').forEach((note) => {
    const key = 'sipa-draft-' + note.dataset.draft;
    try {
      if (note.dataset.savedDraft) {
        localStorage.removeItem('sipa-draft-' + note.dataset.savedDraft);
      }
      const draft = localStorage.getItem(key);
      if (draft && !note.value) {
        note.value = draft;
      }
      note.addEventListener('input', () => localStorage.setItem(key, note.value));
    } catch (e) {
      // no storage (private mode): the form still works, only without the draft
    }
  });
});
