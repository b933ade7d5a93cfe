// Lastmile atlas: draws the areas of a run with Leaflet, from the JSON in #atlas-data. Every string
// from the data goes into the page as text (textContent), never as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("atlas-data").textContent);
  var noData = "#d9d9d9";

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  document.title = data.title;
  document.getElementById("title").textContent = data.title;
  document.getElementById("subtitle").textContent = data.subtitle;
  var sources = document.getElementById("sources");
  data.sources.forEach(function (line) { sources.appendChild(el("p", null, line)); });

  var map = L.map("map", { zoomSnap: 0.25, attributionControl: true, renderer: L.svg({ padding: 0.5 }) });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Map: Lastmile, drawn with Leaflet (BSD 2-Clause)");
  L.control.scale({ metric: true, imperial: true }).addTo(map);

  var current = 0;
  function rowOf(i) {
    var layer = data.layers[current];
    var r = layer ? layer.rows[i] : null;
    return r === null || r === undefined ? null : layer.legend[r];
  }
  function style(i) {
    var row = rowOf(i);
    return {
      color: "#ffffff", weight: 0.6, opacity: 1,
      fillColor: row && !row.isNoData ? row.color : noData, fillOpacity: 0.9
    };
  }

  function card(i) {
    var a = data.areas[i];
    var box = el("div", "card");
    box.appendChild(el("h2", null, a.name || a.id));
    var meta = data.areaSingular + " " + a.id + (a.rank ? " · rank " + a.rank + " of " + data.areas.length : "");
    box.appendChild(el("p", "meta", meta));
    var row = rowOf(i);
    if (data.layers[current]) {
      box.appendChild(el("p", "class", data.layers[current].legendTitle + ": " + (row ? row.label : "No data")));
    }
    var table = el("table");
    data.fields.forEach(function (label, k) {
      var value = a.values[k];
      if (!value) return;
      var tr = el("tr");
      tr.appendChild(el("th", null, label));
      tr.appendChild(el("td", null, value));
      table.appendChild(tr);
    });
    box.appendChild(table);
    return box;
  }

  var shapes = data.areas.map(function (a, i) {
    var latlngs = a.shape.map(function (polygon) {
      return polygon.map(function (ring) {
        return ring.map(function (p) { return [p[1], p[0]]; });
      });
    });
    var shape = L.polygon(latlngs, style(i));
    shape.bindTooltip(function () {
      var t = el("div", "tip");
      t.appendChild(el("strong", null, a.name || a.id));
      var row = rowOf(i);
      t.appendChild(el("div", null, row ? row.label : "No data"));
      return t;
    }, { sticky: true });
    shape.bindPopup(function () { return card(i); }, { maxWidth: 340 });
    shape.on("mouseover", function () { shape.setStyle({ weight: 2, color: "#252525" }); shape.bringToFront(); });
    shape.on("mouseout", function () { shape.setStyle({ weight: 0.6, color: "#ffffff" }); });
    return shape;
  });
  // The view first: Leaflet draws a shape's path only once the map has one.
  var all = L.featureGroup(shapes);
  if (shapes.length) map.fitBounds(all.getBounds(), { padding: [12, 12] });
  else map.setView([0, 0], 1);
  shapes.forEach(function (shape, i) {
    shape.addTo(map);
    var path = shape.getElement();
    if (path) {
      path.setAttribute("data-id", data.areas[i].id);
      path.classList.add("atlas-area");
    }
  });

  function drawLegend() {
    var box = document.getElementById("legend");
    box.textContent = "";
    var layer = data.layers[current];
    if (!layer) return;
    box.appendChild(el("h3", null, layer.legendTitle));
    layer.legend.forEach(function (row) {
      var line = el("div", "row");
      var swatch = el("span", "swatch" + (row.isNoData ? " nodata" : ""));
      swatch.style.background = row.isNoData ? noData : row.color;
      line.appendChild(swatch);
      line.appendChild(el("span", "label", row.label));
      line.appendChild(el("span", "count", row.count));
      box.appendChild(line);
    });
  }

  var chooser = document.getElementById("layers");
  data.layers.forEach(function (layer, k) {
    var label = el("label");
    var input = el("input");
    input.type = "radio";
    input.name = "layer";
    input.value = layer.key;
    input.checked = k === current;
    input.addEventListener("change", function () {
      current = k;
      shapes.forEach(function (s, i) { s.setStyle(style(i)); });
      drawLegend();
    });
    label.appendChild(input);
    label.appendChild(document.createTextNode(" " + layer.title));
    chooser.appendChild(label);
  });
  drawLegend();

  function select(i) {
    map.fitBounds(shapes[i].getBounds(), { maxZoom: map.getBoundsZoom(all.getBounds()) + 6, padding: [40, 40] });
    shapes[i].openPopup();
  }
  var search = document.getElementById("search");
  var results = document.getElementById("results");
  search.addEventListener("input", function () {
    results.textContent = "";
    var q = search.value.trim().toLowerCase();
    if (!q) return;
    var found = 0;
    for (var i = 0; i < data.areas.length && found < 10; i++) {
      var a = data.areas[i];
      if (a.id.toLowerCase().indexOf(q) === 0 || a.name.toLowerCase().indexOf(q) !== -1) {
        var item = el("li");
        var button = el("button", null, (a.name || a.id) + " (" + a.id + ")");
        button.type = "button";
        button.addEventListener("click", select.bind(null, i));
        item.appendChild(button);
        results.appendChild(item);
        found++;
      }
    }
    if (!found) results.appendChild(el("li", "none", "No " + data.areaSingular + " matches"));
  });
  search.addEventListener("keydown", function (e) {
    if (e.key === "Enter") {
      var first = results.querySelector("button");
      if (first) first.click();
    }
  });
  document.body.setAttribute("data-ready", String(shapes.length));
})();
