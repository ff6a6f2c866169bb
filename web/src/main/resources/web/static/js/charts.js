/*
 * Draws the dashboard's charts with Apache ECharts (SVG renderer; each chart named by its title and summary). The
 * page already holds every figure as a table; this script only adds the pictures. Labels come from the server in the reader's language.
 */
(function () {
  'use strict';
  var source = document.getElementById('chart-data');
  if (!source || typeof echarts === 'undefined') {
    return;
  }
  var charts = JSON.parse(source.textContent);
  var colours = { ok: '#1e7a3c', watch: '#d08a00', alert: '#b3261e', accent: '#1f5fa8', soft: '#9db7d9', grey: '#5f6673' };
  var phaseColours = { start: 'rgba(31,95,168,0.08)', 'in-dip': 'rgba(179,38,30,0.14)', restart: 'rgba(30,122,60,0.14)' };
  var narrow = window.matchMedia('(max-width: 40rem)').matches;
  /* Numbers as the page's language writes them (5.000 and 0,75 in Dutch); on a phone large ones shortened (5K). */
  var language = document.documentElement.lang || 'en';
  var numbers = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  var shortNumbers = new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 });
  function number(v) {
    return typeof v === 'number' ? numbers.format(v) : v;
  }
  /* On a phone thousands in the short form on every tick (5K, 10K), not some long and some short (5.000, 10K). */
  function axisNumber(v) {
    return narrow && Math.abs(v) >= 1000 ? shortNumbers.format(v) : numbers.format(v);
  }
  function fixed(v, digits) {
    return new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
  }
  function percent(v) {
    return numbers.format(Math.round(v * 100)) + '%';
  }

  /* A series with no value at all (no question scores yet) is left out, so the legend names only what is drawn. */
  function withoutEmptySeries(o) {
    var kept = [];
    var index = {};
    o.series.forEach(function (s, i) {
      var drawn = !Array.isArray(s.data) || s.data.length === 0 || s.data.some(function (v) {
        var value = v !== null && typeof v === 'object' && !Array.isArray(v) ? v.value : v;
        return value !== null && value !== undefined && value !== '-';
      });
      if (drawn) {
        index[i] = kept.length;
        kept.push(s);
      }
    });
    o.series = kept;
    /* a colour scale follows its series to the place it now has */
    if (o.visualMap && o.visualMap.seriesIndex !== undefined) {
      o.visualMap.seriesIndex = index[o.visualMap.seriesIndex];
    }
    return o;
  }

  /* Every value axis without a format of its own, and the tooltips, write numbers in the page's language. */
  function localised(o) {
    [].concat(o.xAxis || [], o.yAxis || []).forEach(function (axis) {
      if (axis.type === 'value') {
        axis.axisLabel = axis.axisLabel || {};
        axis.axisLabel.formatter = axis.axisLabel.formatter || axisNumber;
      }
    });
    if (o.tooltip && !o.tooltip.formatter && !o.tooltip.valueFormatter) {
      o.tooltip.valueFormatter = number;
    }
    return o;
  }

  function base(title) {
    return {
      /* The chart's place names it to a screen reader by its title and summary, in the page's language; the library's
         own account ("This is a chart. It consists of 4 series count…") is English and would replace that label. */
      aria: { enabled: false },
      animation: false,
      textStyle: { fontFamily: 'system-ui, sans-serif' },
      tooltip: { trigger: 'item', confine: true },
      /* on a phone the legend wraps onto more lines rather than hiding entries behind arrows */
      legend: { top: 0, type: narrow ? 'plain' : 'scroll' },
      grid: { left: narrow ? 48 : 72, right: narrow ? 16 : 56, top: 48, bottom: 56, containLabel: false }
    };
  }

  /* Consecutive months of one phase as shaded areas behind the curve, each named at its top: also on a phone, where
     an area is wide enough for its name (a sixth of the months or more), as its shade alone would not say which it is. */
  function phaseAreas(months, phases, names) {
    var areas = [];
    var start = 0;
    for (var i = 1; i <= phases.length; i++) {
      if (i === phases.length || phases[i] !== phases[start]) {
        var phase = phases[start];
        if (phaseColours[phase]) {
          var label = { start: names[0], 'in-dip': names[1], restart: names[2] }[phase];
          areas.push([{ xAxis: months[start], name: label, itemStyle: { color: phaseColours[phase] },
                        label: { show: !narrow || i - start >= months.length / 6, position: 'insideTop',
                                 color: colours.grey, fontSize: narrow ? 10 : 12 } },
                      { xAxis: months[Math.min(i, months.length - 1)] }]);
        }
        start = i;
      }
    }
    return areas;
  }

  var builders = {
    dip: function (d) {
      var o = base();
      o.tooltip = { trigger: 'axis', confine: true };
      o.grid = [{ left: narrow ? 48 : 72, right: narrow ? 44 : 80, top: narrow ? 84 : 48, height: narrow ? '40%' : '46%' },
                { left: narrow ? 48 : 72, right: narrow ? 44 : 80, top: '66%', bottom: 24 }];
      o.xAxis = [{ type: 'category', data: d.months, gridIndex: 0, name: d.labels.month, nameLocation: 'middle',
                   nameGap: 28, axisLabel: { hideOverlap: true } },
                 /* the months under the drivers too, so a reader sees when each was active */
                 { type: 'category', data: d.months, gridIndex: 1, axisLabel: { hideOverlap: true } }];
      o.yAxis = [{ type: 'value', gridIndex: 0, name: d.labels.energy, nameLocation: 'middle', nameGap: 36 },
                 /* on a phone the legend names this axis's line; its own name would cover the labels */
                 { type: 'value', gridIndex: 0, name: narrow ? '' : d.labels.share, nameLocation: 'middle', nameGap: 48,
                   min: 0, max: 1, position: 'right', splitLine: { show: false }, axisLabel: { formatter: percent } },
                 /* all nine drivers named, also where the band is short (a phone): every other one was left out */
                 { type: 'category', gridIndex: 1, data: d.driverNames.map(function (n) { return n.split(' ')[0]; }),
                   name: d.labels.drivers, nameLocation: 'middle', nameGap: 36, inverse: true,
                   axisLabel: { interval: 0, fontSize: narrow ? 9 : 11 } }];
      o.series = [
        { type: 'bar', name: d.labels.raw, data: d.raw, xAxisIndex: 0, yAxisIndex: 0, itemStyle: { color: colours.soft } },
        { type: 'line', name: d.labels.smoothed, data: d.smoothed, xAxisIndex: 0, yAxisIndex: 0, symbolSize: 5,
          lineStyle: { width: 3, color: colours.accent }, itemStyle: { color: colours.accent },
          markArea: { silent: true, data: phaseAreas(d.months, d.phases, d.phaseNames) } },
        { type: 'line', name: d.labels.ratio, data: d.ratio, xAxisIndex: 0, yAxisIndex: 1, symbol: 'none',
          lineStyle: { type: 'dashed', color: colours.grey }, itemStyle: { color: colours.grey } },
        { type: 'scatter', name: d.labels.drivers, data: d.drivers, xAxisIndex: 1, yAxisIndex: 2, symbol: 'rect',
          symbolSize: narrow ? 5 : 9, itemStyle: { color: colours.alert },
          tooltip: { formatter: function (p) { return d.months[p.value[0]] + ': ' + d.driverNames[p.value[1]]; } } }
      ];
      return o;
    },
    give: function (d, el) {
      var o = base();
      o.tooltip = { trigger: 'item', confine: true };
      /* The perceived fairness on a line of its own under the partner's name: after the name on one line, the
         rating was the part cut off ("Zorgverzekeraar Kust (sch…"), though it is the figure that counts here. */
      var names = d.partners.map(function (p, i) { return d.fairness[i] ? p + '\n(' + d.fairness[i] + ')' : p; });
      var bars = { type: 'bar', name: d.labels.given, data: d.given, itemStyle: { color: colours.accent } };
      var received = { type: 'bar', name: d.labels.received, data: d.received, itemStyle: { color: colours.soft } };
      /* Nothing received by any partner: the given bars alone, centred on their names, not in the top half of a
         row kept for an empty series (the summary says nobody received anything). */
      var ledger = d.received.some(function (v) { return v > 0; }) ? [bars, received] : [bars];
      /* On a phone a rated partner's name and rating wrap onto lines of their own, in taller rows; cut off at the
         width of the labels, the rating was lost ("(scheef, maa…"). */
      var rated = d.fairness.some(function (f) { return f; });
      var wrapped = narrow && rated;
      /* a rated name is two lines at every width: rows tall enough for both, and lines apart (they were drawn over
         each other, and over the row above) */
      var rowRem = wrapped ? 4.4 : rated ? 2.8 : 2.2;
      var nameLabel = wrapped ? { width: 128, overflow: 'break', fontSize: 11, lineHeight: 13 }
                              : { width: narrow ? 100 : 190, overflow: 'truncate', lineHeight: 15 };
      if (!d.pairs.length) {
        /* No pair gave both ways: the ledger alone, without an empty heat map below it. */
        el.style.height = Math.max(14, 4 + d.partners.length * rowRem) + 'rem';
        o.grid = { left: wrapped ? 136 : narrow ? 110 : 200, right: 24, top: 40, bottom: 48 };
        o.xAxis = { type: 'value', name: d.labels.eur, nameLocation: 'middle', nameGap: 26, axisLabel: { hideOverlap: true } };
        o.yAxis = { type: 'category', data: names, inverse: true, axisLabel: nameLabel };
        o.series = ledger;
        return o;
      }
      o.grid = [{ left: wrapped ? 136 : narrow ? 110 : 200, right: 24, top: 40, height: '42%' },
                { left: wrapped ? 136 : narrow ? 110 : 200, right: 24, top: '60%', bottom: 64 }];
      if (wrapped) {
        /* the ledger's rows their height in pixels, the heat map below them */
        /* (a name of its own: "ledger" is the list of series above) */
        var ledgerHeight = d.partners.length * rowRem * 16;
        el.style.height = (ledgerHeight + 100 + d.partners.length * 1.6 * 16 + 140) + 'px';
        o.grid[0].height = ledgerHeight;
        o.grid[1].top = 40 + ledgerHeight + 60;
      }
      o.xAxis = [{ type: 'value', gridIndex: 0, name: d.labels.eur, nameLocation: 'middle', nameGap: 26,
                   axisLabel: { hideOverlap: true } },
                 { type: 'category', gridIndex: 1, data: d.partners, name: d.labels.partner, nameLocation: 'middle',
                   nameGap: 48, axisLabel: { rotate: 30, width: 90, overflow: 'truncate', fontSize: 10 } }];
      o.yAxis = [{ type: 'category', gridIndex: 0, data: names, inverse: true, axisLabel: nameLabel },
                 { type: 'category', gridIndex: 1, data: d.partners, inverse: true,
                   axisLabel: { width: narrow ? 100 : 190, overflow: 'truncate', fontSize: 10 } }];
      o.visualMap = { min: 0, max: 1, seriesIndex: ledger.length, orient: 'horizontal', left: 'center', bottom: 0,
                      text: ['1', '0'], itemHeight: 120, calculable: false, inRange: { color: ['#fde8e6', '#1e7a3c'] } };
      o.series = ledger.concat([
        { type: 'heatmap', name: d.labels.reciprocity, data: d.pairs, xAxisIndex: 1, yAxisIndex: 1,
          tooltip: { formatter: function (p) { return d.partners[p.value[0]] + ' \u2194 ' + d.partners[p.value[1]] + ': ' + fixed(p.value[2], 2); } } }
      ]);
      return o;
    },
    capitals: function (d) {
      var o = base();
      o.tooltip = { trigger: 'axis', confine: true };
      /* every capital named, on two lines where the width is short */
      o.xAxis = { type: 'category', data: d.capitals, name: d.labels.capital, nameLocation: 'middle', nameGap: 30,
                  axisLabel: { interval: 0, width: narrow ? 90 : 160, overflow: 'break' } };
      o.yAxis = [{ type: 'value', name: d.labels.count, nameLocation: 'middle', nameGap: 36, minInterval: 1 }];
      var scored = d.scores.some(function (s) { return s !== null; });
      if (scored) {
        /* the score's own axis only where there is a score to read on it */
        o.yAxis.push({ type: 'value', name: d.labels.score, nameLocation: 'middle', nameGap: 30, min: 1, max: 5,
                       position: 'right', splitLine: { show: false } });
      }
      o.series = [
        { type: 'bar', name: d.labels.claims, data: d.claims, itemStyle: { color: colours.accent } },
        { type: 'bar', name: d.labels.contributions, data: d.contributions, itemStyle: { color: colours.soft } },
        { type: 'scatter', name: d.labels.score, data: d.scores, yAxisIndex: scored ? 1 : 0, symbolSize: 14,
          itemStyle: { color: colours.watch } }
      ];
      return o;
    },
    conditions: function (d) {
      var o = base();
      o.tooltip = { trigger: 'axis', confine: true };
      o.xAxis = { type: 'category', data: d.conditions, name: d.labels.condition, nameLocation: 'middle', nameGap: 30 };
      o.yAxis = { type: 'value', min: 0, max: 5, name: d.labels.score, nameLocation: 'middle', nameGap: 30 };
      o.series = [
        { type: 'bar', stack: 'range', name: '', data: d.min, itemStyle: { color: 'transparent' }, tooltip: { show: false },
          emphasis: { disabled: true } },
        { type: 'bar', stack: 'range', name: d.labels.range, barWidth: 18,
          data: d.max.map(function (max, i) { return max - d.min[i]; }), itemStyle: { color: colours.soft } },
        { type: 'scatter', name: d.labels.median, data: d.median, symbolSize: 16, itemStyle: { color: colours.accent },
          label: { show: true, position: 'right', formatter: function (p) {
            var c = d.change[p.dataIndex];
            return c === null || c === undefined ? '' : (c > 0 ? '+' : '') + fixed(c, 1);
          } } }
      ];
      o.legend.data = [d.labels.range, d.labels.median];
      return o;
    },
    eight: function (d, el) {
      var o = base();
      /* on a phone a long name breaks onto a second line: rows tall enough for two (21 partners ran into each other) */
      if (narrow) {
        el.style.height = Math.max(el.clientHeight, 110 + d.partners.length * 30) + 'px';
      }
      /* on a phone room for a long name on its own line ("Huisartsencoöperatie"), and the levels small enough not to
         run together under their cells ("ManagementProfessioneel") */
      o.grid = { left: narrow ? 126 : 220, right: 16, top: 16, bottom: 64 };
      o.tooltip = { formatter: function (p) {
        return d.partners[p.value[1]] + ', ' + d.levels[p.value[0]] + ': ' + (p.value[2] ? d.labels.closed : d.labels.open);
      } };
      /* the key below the chart names both states; the series needs no legend of its own */
      o.legend = { show: false };
      o.xAxis = { type: 'category', data: d.levels, name: d.labels.level, nameLocation: 'middle', nameGap: 30, position: 'bottom',
                  axisLabel: { interval: 0, width: narrow ? 66 : 200, overflow: 'break', fontSize: narrow ? 9 : 12 } };
      o.yAxis = { type: 'category', data: d.partners, inverse: true,
                  axisLabel: { width: narrow ? 118 : 210, overflow: narrow ? 'break' : 'truncate', fontSize: narrow ? 10 : 12,
                               lineHeight: narrow ? 12 : 14 } };
      o.visualMap = { type: 'piecewise', seriesIndex: 0, orient: 'horizontal', left: 'center', bottom: 0,
                      pieces: [{ value: 1, label: d.labels.closed, color: colours.ok },
                               { value: 0, label: d.labels.open, color: '#f3d3d0' }] };
      o.series = [{ type: 'heatmap', name: d.labels.closed, data: d.cells, itemStyle: { borderColor: '#fff', borderWidth: 2 },
                    /* the mark says open or closed at every width, so colour is never the only sign */
                    label: { show: true, formatter: function (p) { return p.value[2] ? '\u2713' : '\u2715'; } } }];
      return o;
    },
    thermo: function (d) {
      var o = base();
      /* a reading is said with its step's name ("2 · Watchful"), as the tile says it: colours alone do not name it */
      var step = function (v) { var name = d.steps && d.steps[Math.round(v) - 1]; return fixed(v, v % 1 ? 1 : 0) + (name ? ' \u00b7 ' + name : ''); };
      if (!d.pairs.length) {
        /* No pair was measured: the network's own reading, on the thermometer's scale of 1 to 4. */
        o.legend = { show: false };
        /* the ticks stand on the coloured band and the numbers inside it, clear of each other */
        o.series = [{ type: 'gauge', name: d.labels.level, min: 1, max: 4, splitNumber: 3, radius: '85%',
                      axisLine: { lineStyle: { width: 18, color: [[0.34, '#1e7a3c'], [0.67, '#d08a00'], [1, '#b3261e']] } },
                      splitLine: { distance: 0, length: 18, lineStyle: { color: '#fff', width: 2 } },
                      axisTick: { distance: 0, length: 6, lineStyle: { color: '#fff' } },
                      axisLabel: { distance: 26, fontSize: 14, color: '#30343c',
                                   formatter: function (v) { return Number.isInteger(v) ? String(v) : ''; } },
                      detail: { formatter: step, fontSize: narrow ? 18 : 22, offsetCenter: [0, '40%'] },
                      title: { show: true, offsetCenter: [0, '72%'] },
                      data: [{ value: d.network, name: d.labels.network }] }];
        return o;
      }
      /* the colour scale below says what the colours mean: a legend of the series showed a swatch in the accent colour
         that no cell had */
      o.legend = { show: false };
      /* names break onto a second line rather than end in "Gemeente Dui…", and the names under the columns stand
         clear of the colour scale (the axis's name "Partner" lay over it: both axes are partners, as the title says) */
      o.grid = { left: narrow ? 126 : 220, right: 24, top: 16, bottom: narrow ? 150 : 130 };
      o.tooltip = { formatter: function (p) {
        return d.partners[p.value[0]] + ' \u2194 ' + d.partners[p.value[1]] + ': ' + step(p.value[2]);
      } };
      o.xAxis = { type: 'category', data: d.partners,
                  axisLabel: { interval: 0, rotate: 40, width: narrow ? 110 : 150, overflow: 'truncate', fontSize: 10 } };
      o.yAxis = { type: 'category', data: d.partners, inverse: true,
                  axisLabel: { width: narrow ? 118 : 210, overflow: 'break', fontSize: narrow ? 10 : 12,
                               lineHeight: narrow ? 12 : 14 } };
      /* the ends of the scale named by their steps, not by bare numbers */
      o.visualMap = { min: 1, max: 4, seriesIndex: 0, orient: 'horizontal', left: 'center', bottom: 0,
                      text: [step(4), step(1)], textStyle: { fontSize: narrow ? 10 : 12 },
                      calculable: false, itemHeight: narrow ? 90 : 120,
                      inRange: { color: ['#e6f4ea', '#fff4de', '#f7b267', '#b3261e'] } };
      o.series = [{ type: 'heatmap', name: d.labels.level, data: d.pairs, label: { show: true },
                    itemStyle: { borderColor: '#fff', borderWidth: 2 } }];
      return o;
    },
    learning: function (d) {
      var o = base();
      o.tooltip = { trigger: 'axis', confine: true };
      /* every capacity named, on two lines where the width is short (on a phone two of four were left out) */
      o.xAxis = { type: 'category', data: d.capacities, name: d.labels.capacity, nameLocation: 'middle',
                  nameGap: narrow ? 42 : 30,
                  axisLabel: { interval: 0, width: narrow ? 70 : 180, overflow: 'break', fontSize: narrow ? 10 : 12,
                               lineHeight: narrow ? 12 : 14 } };
      o.yAxis = { type: 'value', min: 0, max: 10, name: d.labels.score, nameLocation: 'middle', nameGap: 30 };
      o.grid.bottom = narrow ? 72 : 56;
      o.series = [{ type: 'bar', name: d.labels.mean, data: d.mean, itemStyle: { color: colours.accent },
                    label: { show: true, position: 'top', formatter: function (p) { return fixed(p.value, 1); } } }];
      return o;
    },
    timeline: function (d) {
      var o = base();
      /* The status of each month is a mark of its own shape and colour, named in the legend; the line carries the value. */
      var marks = { OK: ['circle', colours.ok], WATCH: ['triangle', colours.watch], ALERT: ['diamond', colours.alert],
                    INFO: ['rect', colours.accent] };   /* staff turnover: a figure given as context, not judged */
      var value = d.share ? percent : number;
      o.tooltip = { trigger: 'axis', confine: true, formatter: function (points) {
        var i = points[0].dataIndex;
        return d.months[i] + (i === d.provisional ? ' \u2013 ' + d.labels.provisional : '') + '<br>' + d.labels.value + ': ' + (d.values[i] === null ? '\u2013' : value(d.values[i]))
          + '<br>' + d.statusWords[d.statuses[i]];
      } };
      /* room left of the axis for its widest label ("100%", "120,000", "120K" on a phone) and, beside it, its name: on
         a phone the name lay under the labels, and beside six-figure amounts it lay over them */
      var shown = d.values.filter(function (v) { return v !== null; });
      var sign = shown.some(function (v) { return v < 0; }) ? -1 : 1;
      var highest = Math.max.apply(null, shown.map(Math.abs).concat([0]));
      var widest = d.share ? percent(sign) : axisNumber(sign * Math.round(highest * 1.25));
      var nameGap = Math.max(narrow ? 46 : 40, widest.length * 7 + 14);
      o.grid = { left: nameGap + (narrow ? 16 : 32), right: narrow ? 20 : 56, top: narrow ? 72 : 48, bottom: 56 };
      o.xAxis = { type: 'category', data: d.months, name: d.labels.month, nameLocation: 'middle', nameGap: 28,
                  axisLabel: { hideOverlap: true } };
      o.yAxis = { type: 'value', name: d.labels.axis, nameLocation: 'middle', nameGap: nameGap,
                  axisLabel: d.share ? { formatter: percent } : {} };
      /* the month not yet over (provisional): the line into it dashed, its mark open, named in the legend */
      var p = typeof d.provisional === 'number' ? d.provisional : -1;
      var finished = function (v, i) { return i === p ? '-' : v; };
      o.series = [{ type: 'line', name: d.labels.value, connectNulls: false, symbol: 'none',
                    lineStyle: { color: colours.accent }, itemStyle: { color: colours.accent },
                    data: d.values.map(finished) }];
      if (p > 0) {
        o.series.push({ type: 'line', name: d.labels.value, connectNulls: false, symbol: 'none',
                        lineStyle: { color: colours.accent, type: 'dashed' }, itemStyle: { color: colours.accent },
                        data: d.values.map(function (v, i) { return i === p || i === p - 1 ? v : '-'; }) });
      }
      Object.keys(marks).forEach(function (status) {
        if (d.statuses.some(function (s, i) { return s === status && i !== p; })) {
          o.series.push({ type: 'scatter', name: d.statusWords[status], symbol: marks[status][0],
                          symbolSize: narrow ? 8 : 11, itemStyle: { color: marks[status][1] },
                          data: d.values.map(function (v, i) {
                            return d.statuses[i] === status && v !== null && i !== p ? v : '-';
                          }) });
        }
      });
      if (p >= 0 && d.values[p] !== null && marks[d.statuses[p]]) {
        var mark = marks[d.statuses[p]];
        o.series.push({ type: 'scatter', name: d.labels.provisional,
                        symbol: 'empty' + mark[0].charAt(0).toUpperCase() + mark[0].slice(1),
                        symbolSize: narrow ? 10 : 13, itemStyle: { color: mark[1], borderWidth: 2 },
                        data: d.values.map(function (v, i) { return i === p ? v : '-'; }) });
      }
      return o;
    }
  };

  var drawn = [];
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var chart = charts[el.getAttribute('data-chart')];
    var build = chart && builders[chart.kind];
    if (!build) {
      return;
    }
    var instance = echarts.init(el, null, { renderer: 'svg' });
    instance.setOption(localised(withoutEmptySeries(build(chart.data, el))));
    /* a builder may have made its place taller for its rows (the figure eight on a phone, give and take): drawn at
       the size the place had before, the rows ran into each other */
    instance.resize();
    el.setAttribute('data-rendered', 'true');
    drawn.push(instance);
  });
  document.body.setAttribute('data-charts-drawn', String(drawn.length));
  window.addEventListener('resize', function () {
    drawn.forEach(function (instance) { instance.resize(); });
  });

  /* Picking a month or a timeline shows it at once; the buttons stay for keyboards and for pages without script. */
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
}());
