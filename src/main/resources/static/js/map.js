// The village map (Leaflet). Without a configured tile server it draws no tiles at all: the villages are circles on
// a plain background, so the map works on a closed network. Circles are sized by the foreigners present and
// coloured by the highest open alert; a popup links to the village's lists. Popups are built as DOM nodes (no HTML
// strings with inline styles: the CSP forbids them).
(function () {
  'use strict';
  var element = document.getElementById('village-map');
  if (!element || typeof L === 'undefined') {
    return;
  }
  var colours = ['#198754', '#ffc107', '#fd7e14', '#dc3545', '#842029'];
  var map = L.map(element, { zoomControl: true, attributionControl: false, preferCanvas: false });
  var tileUrl = element.getAttribute('data-tile-url');
  if (tileUrl) {
    L.control.attribution({ prefix: false }).addTo(map);
    L.tileLayer(tileUrl, { attribution: element.getAttribute('data-tile-attribution') || '', maxZoom: 18 }).addTo(map);
  }
  var admin = element.getAttribute('data-admin') === 'true';

  function link(text, href) {
    var a = document.createElement('a');
    a.textContent = text;
    a.href = href;
    return a;
  }
  function line(children) {
    var div = document.createElement('div');
    children.forEach(function (child) { div.appendChild(child); });
    return div;
  }
  function query(base, params) {
    return base + '?' + Object.keys(params).map(function (key) {
      return encodeURIComponent(key) + '=' + encodeURIComponent(params[key]);
    }).join('&');
  }
  function popup(village) {
    var box = document.createElement('div');
    var title = document.createElement('strong');
    title.textContent = village.name;
    box.appendChild(title);
    box.appendChild(line([document.createTextNode(element.getAttribute('data-present-label') + ': ' + village.present)]));
    box.appendChild(line([document.createTextNode(element.getAttribute('data-alerts-label') + ': ' + village.openAlerts)]));
    if (!admin) {
      box.appendChild(line([link(element.getAttribute('data-persons-label'),
        query(element.getAttribute('data-persons-href'), { status: 'PRESENT', region: village.code }))]));
      box.appendChild(line([link(element.getAttribute('data-reports-label'),
        query(element.getAttribute('data-reports-href'), { region: village.code }))]));
      box.appendChild(line([link(element.getAttribute('data-alerts-link-label'),
        query(element.getAttribute('data-alerts-href'), { village: village.code }))]));
    }
    return box;
  }

  fetch(element.getAttribute('data-source'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (response) { return response.json(); })
    .then(function (villages) {
      var placed = villages.filter(function (v) { return v.lat !== null && v.lon !== null; });
      var bounds = [];
      // villages sharing one island point are spread on a small circle so that each can be clicked
      var seen = {};
      placed.forEach(function (v) {
        var key = v.lat + ',' + v.lon;
        var index = seen[key] = (seen[key] || 0) + 1;
        var lat = Number(v.lat), lon = Number(v.lon);
        if (index > 1) {
          var angle = index * 2.399963;
          var distance = 0.004 * Math.sqrt(index);
          lat += distance * Math.sin(angle);
          lon += distance * Math.cos(angle);
        }
        var radius = 5 + 3 * Math.sqrt(v.present);
        var marker = L.circleMarker([lat, lon], {
          radius: Math.min(radius, 40), color: '#0d3c61', weight: 1,
          fillColor: colours[v.alertLevel] || colours[0], fillOpacity: 0.75
        }).addTo(map);
        marker.bindPopup(popup(v));
        var tip = document.createElement('span');
        tip.textContent = v.name + ' (' + v.present + ')';
        marker.bindTooltip(tip);
        marker.getElement && marker.getElement() && marker.getElement().setAttribute('data-village', v.code);
        bounds.push([lat, lon]);
      });
      // the extent of the scope's islands (a regency, a province), so that the whole area shows, placed or not
      var area = (element.getAttribute('data-bounds') || '').split(',').map(Number);
      if (area.length === 4 && area.every(isFinite) && placed.length !== 1) {
        bounds.push([area[0], area[1]], [area[2], area[3]]);
      }
      if (bounds.length > 0) {
        map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
      } else {
        map.setView([-5.63, 132.75], 10);
      }
      element.setAttribute('data-markers', String(placed.length));
      element.setAttribute('data-present-total', String(villages.reduce(function (sum, v) { return sum + v.present; }, 0)));
    })
    .catch(function (error) {
      console.warn('Peta tidak dapat dimuat:', error);
    });
})();
