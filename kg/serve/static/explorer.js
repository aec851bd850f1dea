/* govkg explorer: the neighbourhood graph of an entity page (Cytoscape.js, fCoSE layout).
 * Pan, zoom and drag come with Cytoscape; a click on a node expands it (its neighbours are
 * fetched from /api/neighbourhood/<id>), a click on an edge opens its evidence page. After
 * each layout, labels that overlap are pushed apart, and the zoom never goes below the one at
 * which labels stay readable. `window.kgGraph` is the Cytoscape instance, for scripts and tests. */
(function () {
  'use strict';
  var box = document.getElementById('graph');
  if (!box || typeof cytoscape === 'undefined') return;
  if (typeof cytoscapeFcose !== 'undefined' && !cytoscape.prototype.hasFcose) {
    try { cytoscape.use(cytoscapeFcose); } catch (e) { /* registered by its own script already */ }
    cytoscape.prototype.hasFcose = true;
  }
  var colours = JSON.parse(box.dataset.colours);
  var api = box.dataset.api;
  var centre = box.dataset.centre;
  var info = document.getElementById('graph-info');
  var legend = document.getElementById('legend');
  var expanded = {};
  var more = {};
  var MAX_LABEL = 14, MIN_ZOOM_READABLE = 0.8, MAX_ZOOM_FIT = 1.4, GAP = 6;

  function short(name) { name = String(name || ''); return name.length > MAX_LABEL ? name.slice(0, MAX_LABEL - 1) + '…' : name; }
  function esc(text) { var d = document.createElement('div'); d.textContent = String(text); return d.innerHTML; }

  var cy = cytoscape({
    container: box, minZoom: 0.2, maxZoom: 3, boxSelectionEnabled: false,
    style: [
      { selector: 'node', style: {
        'background-color': function (n) { return colours.nodes[n.data('label')] || '#bab0ac'; },
        'label': 'data(short)', 'font-size': 12, 'color': '#1a1a1a', 'text-valign': 'bottom', 'text-margin-y': 3,
        'font-family': '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 1,
        'width': 18, 'height': 18 } },
      { selector: 'node.centre', style: { 'width': 30, 'height': 30, 'border-width': 4, 'border-color': '#111',
        'font-size': 14, 'font-weight': 'bold' } },
      { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#444' } },
      { selector: 'edge', style: {
        'width': 2, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8,
        'line-color': function (e) { return colours.relations[e.data('type')] || '#999'; },
        'target-arrow-color': function (e) { return colours.relations[e.data('type')] || '#999'; } } },
      { selector: 'edge:active, edge.hover', style: { 'width': 4 } }
    ]
  });
  window.kgGraph = cy;

  function add(data) {
    var added = 0;
    data.nodes.forEach(function (n) {
      if (cy.getElementById(n.id).length) return;
      var near = cy.getElementById(data.centre);
      var at = near.length ? near.position() : { x: 0, y: 0 };
      cy.add({ group: 'nodes', data: { id: n.id, label: n.label, name: n.name, short: short(n.name), kind: n.kind },
               position: { x: at.x + (Math.random() - 0.5) * 80, y: at.y + (Math.random() - 0.5) * 80 } });
      added += 1;
    });
    data.edges.forEach(function (e) {
      if (cy.getElementById(e.id).length || !cy.getElementById(e.source).length || !cy.getElementById(e.target).length) return;
      cy.add({ group: 'edges', data: e });
    });
    more[data.centre] = data.more;
    return added;
  }

  function overlap(a, b) {
    var x = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + GAP, y = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + GAP;
    return (x > 0 && y > 0) ? { x: x, y: y } : null;
  }

  /* Push apart the nodes whose boxes (label included) overlap, along the axis where they overlap least. */
  function separateLabels() {
    var nodes = cy.nodes();
    for (var round = 0; round < 200; round += 1) {
      var moved = false, boxes = nodes.map(function (n) { return n.boundingBox({ includeLabels: true, includeOverlays: false }); });
      for (var i = 0; i < nodes.length; i += 1) {
        for (var j = i + 1; j < nodes.length; j += 1) {
          var o = overlap(boxes[i], boxes[j]);
          if (!o) continue;
          var a = nodes[i].position(), b = nodes[j].position(), dx = 0, dy = 0;
          if (o.x < o.y) { dx = (a.x <= b.x ? -1 : 1) * o.x / 2; } else { dy = (a.y <= b.y ? -1 : 1) * o.y / 2; }
          nodes[i].position({ x: a.x + dx, y: a.y + dy });
          nodes[j].position({ x: b.x - dx, y: b.y - dy });
          boxes[i] = nodes[i].boundingBox({ includeLabels: true, includeOverlays: false });
          boxes[j] = nodes[j].boundingBox({ includeLabels: true, includeOverlays: false });
          moved = true;
        }
      }
      if (!moved) return;
    }
  }

  function fitReadable(focus) {
    cy.fit(cy.elements(), 30);
    if (cy.zoom() > MAX_ZOOM_FIT) {  // a few nodes: no giant labels
      cy.zoom(MAX_ZOOM_FIT);
      cy.center();
    } else if (cy.zoom() < MIN_ZOOM_READABLE) {
      cy.zoom(MIN_ZOOM_READABLE);
      cy.center(cy.getElementById(focus || centre));
    }
  }

  function layout(first, focus) {
    var options = { name: typeof cytoscapeFcose !== 'undefined' ? 'fcose' : 'cose', animate: false, randomize: first,
                    nodeDimensionsIncludeLabels: true, idealEdgeLength: 110, nodeRepulsion: 12000, nodeSeparation: 90,
                    padding: 30, fit: false };
    var run = cy.layout(options);
    run.one('layoutstop', function () {
      separateLabels();
      fitReadable(focus);
      box.dataset.ready = String(Number(box.dataset.ready || 0) + 1);
    });
    run.run();
  }

  function drawLegend() {
    if (!legend) return;
    var types = {}, labels = {};
    cy.edges().forEach(function (e) { types[e.data('type')] = true; });
    cy.nodes().forEach(function (n) { labels[n.data('label')] = true; });
    legend.innerHTML = Object.keys(types).sort().map(function (t) {
      return '<li class="rel"><span class="swatch line" style="background:' + (colours.relations[t] || '#999') + '"></span>' + esc(t) + '</li>';
    }).concat(Object.keys(labels).sort().map(function (l) {
      return '<li class="lab"><span class="swatch dot" style="background:' + (colours.nodes[l] || '#bab0ac') + '"></span>' + esc(l) + '</li>';
    })).join('') + '<li class="lab"><span class="swatch dot centre"></span>centre</li>';
  }

  function describe(n) {
    if (!info) return;
    var hidden = more[n.id()] || {};
    var rest = Object.keys(hidden).map(function (k) { return '+' + hidden[k] + ' ' + esc(k.split(':')[1]); }).join(', ');
    info.innerHTML = '<strong>' + esc(n.data('label')) + '</strong> ' + esc(n.data('name')) +
      ' · <a href="/entity/' + encodeURIComponent(n.id()) + '">open page</a>' + (rest ? ' · not drawn: ' + rest : '');
  }

  function expand(id, first) {
    return fetch(api + encodeURIComponent(id)).then(function (r) {
      if (!r.ok) throw new Error('neighbourhood ' + r.status);
      return r.json();
    }).then(function (data) {
      expanded[id] = true;
      add(data);
      cy.getElementById(id).addClass('expanded');
      cy.getElementById(centre).addClass('centre');
      drawLegend();
      layout(first, id);
    }).catch(function (err) { if (info) info.textContent = 'could not expand: ' + err.message; });
  }

  cy.on('tap', 'node', function (ev) {
    var n = ev.target;
    describe(n);
    if (!expanded[n.id()]) expand(n.id(), false);
  });
  cy.on('tap', 'edge', function (ev) {
    var e = ev.target;
    window.location.href = '/edge/' + encodeURIComponent(e.id()) + '?doc=' + encodeURIComponent(e.data('doc') || '');
  });
  cy.on('mouseover', 'edge', function (ev) {
    ev.target.addClass('hover');
    if (info) info.textContent = ev.target.data('type') + ' · ' + (ev.target.data('doc') || '') + ' — click for the evidence';
  });
  cy.on('mouseout', 'edge', function (ev) { ev.target.removeClass('hover'); });

  expand(centre, true).then(function () { var c = cy.getElementById(centre); if (c.length) describe(c); });
}());
