// Dashboard charts (ECharts), drawn from the tables beside them: each chart reads its table's rows, and a click on a
// bar or a slice opens the list behind it, as the row's link does. No inline script is allowed (CSP), and tooltips
// are drawn on the canvas (richText) because ECharts' HTML tooltips carry inline styles.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  function rowsOf(table) {
    return Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
  }
  function linkOf(row, selector) {
    var link = row.querySelector(selector || 'a');
    return link ? link.href : null;
  }
  function open(href) {
    if (href) {
      window.location.href = href;
    }
  }
  document.querySelectorAll('[data-chart-table]').forEach(function (element) {
    var table = document.getElementById(element.getAttribute('data-chart-table'));
    if (!table) {
      return;
    }
    var rows = rowsOf(table);
    if (rows.length === 0) {
      element.classList.add('d-none');
      return;
    }
    var kind = element.getAttribute('data-chart-kind');
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    var tooltip = { renderMode: 'richText', trigger: kind === 'pie' ? 'item' : 'axis' };
    var option;
    var hrefs = [];
    if (kind === 'crossings') {
      var entries = [], exits = [], labels = [];
      rows.forEach(function (row) {
        labels.push(row.getAttribute('data-label'));
        entries.push(Number(row.getAttribute('data-entries')));
        exits.push(Number(row.getAttribute('data-exits')));
        hrefs.push([row.getAttribute('data-href-entry'), row.getAttribute('data-href-exit')]);
      });
      option = {
        tooltip: tooltip, legend: { top: 0 }, grid: { left: 48, right: 16, top: 32, bottom: 24 },
        xAxis: { type: 'category', data: labels }, yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: element.getAttribute('data-entry-label'), type: 'bar', data: entries },
          { name: element.getAttribute('data-exit-label'), type: 'bar', data: exits }
        ]
      };
      chart.on('click', function (params) {
        open(hrefs[params.dataIndex] && hrefs[params.dataIndex][params.seriesIndex]);
      });
    } else {
      var data = rows.map(function (row) {
        hrefs.push(linkOf(row));
        return { name: row.getAttribute('data-label'), value: Number(row.getAttribute('data-value')) };
      });
      if (kind === 'pie') {
        option = {
          tooltip: tooltip,
          series: [{ type: 'pie', radius: ['35%', '70%'], data: data, label: { formatter: '{b}: {c}' } }]
        };
      } else {
        var top = data.slice(0, 12);
        option = {
          tooltip: tooltip, grid: { left: 120, right: 24, top: 8, bottom: 24 },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', inverse: true, data: top.map(function (d) { return d.name; }) },
          series: [{ type: 'bar', data: top.map(function (d) { return d.value; }) }]
        };
      }
      chart.on('click', function (params) {
        open(hrefs[params.dataIndex]);
      });
    }
    chart.setOption(option);
    element.setAttribute('data-chart-ready', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
