// paperstream search page: makes the server-rendered pages faster, never necessary. Links and forms to the pages are
// fetched and swapped in place (one request, the same HTML the server sends without script), the URL follows with the
// History API so reload, sharing and back/forward work, and the first page of a search listens to the live stream
// (/ui/live, Server-Sent Events of rendered entries) to put new papers at the top.
(function () {
  'use strict';
  if (!window.fetch || !window.history.pushState || !window.DOMParser) {
    return;
  }
  var root = document.documentElement;
  root.classList.add('js');
  history.scrollRestoration = 'manual';
  var request = null;
  var live = null;
  var fresh = 0;

  function isPage(url) {
    return url.origin === location.origin && (url.pathname === '/' || url.pathname.indexOf('/paper/') === 0);
  }

  function announce(text) {
    var a = document.getElementById('announcer');
    if (a) {
      a.textContent = '';
      setTimeout(function () { a.textContent = text; }, 50);
    }
  }

  // Where focus was, so that it can go back to the same control on the new page (e.g. a facet value).
  function focusKey() {
    var el = document.activeElement;
    if (!el || el === document.body) {
      return null;
    }
    var facet = el.closest && el.closest('[data-facet-value]');
    if (facet) {
      var section = facet.closest('section');
      return '#' + (section ? section.querySelector('h3').id : '') + '|' + facet.getAttribute('data-facet-value');
    }
    return el.id ? '#' + el.id : null;
  }

  function restoreFocus(key) {
    var target = null;
    if (key && key.indexOf('|') > 0) {
      var parts = key.split('|');
      var heading = document.querySelector(parts[0]);
      var section = heading && heading.closest('section');
      if (section) {
        target = Array.prototype.find.call(section.querySelectorAll('[data-facet-value]'), function (a) {
          return a.getAttribute('data-facet-value') === parts[1];
        });
      }
    } else if (key === '#q' || key === '#sort') {
      target = document.querySelector(key);
    }
    if (!target) {
      target = document.querySelector('main h1');
      if (target) {
        target.setAttribute('tabindex', '-1');
      }
    }
    if (target) {
      target.focus({ preventScroll: true });
    }
  }

  function swap(doc) {
    var content = document.getElementById('content');
    var next = doc.getElementById('content');
    var form = document.querySelector('header form.search');
    var nextForm = doc.querySelector('header form.search');
    if (!content || !next) {
      return false;
    }
    if (form && nextForm) {
      form.replaceWith(document.adoptNode(nextForm));
    }
    content.replaceWith(document.adoptNode(next));
    document.title = doc.title;
    return true;
  }

  function navigate(href, push, scrollY) {
    var key = focusKey();
    var from = location.pathname === '/' ? location.pathname + location.search : null;
    if (request) {
      request.abort();
    }
    request = new AbortController();
    var current = request;
    root.classList.add('loading');
    return fetch(href, { signal: current.signal, headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (res) { return res.text(); })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, 'text/html');
        if (push) {
          history.replaceState({ y: window.scrollY }, '');
          history.pushState({ y: 0 }, '', href);
        }
        if (!swap(doc)) {
          location.assign(href);
          return;
        }
        root.classList.remove('loading');
        // "Back to search" returns to the search the reader came from
        var back = document.querySelector('a.back-link');
        if (back && from) {
          back.setAttribute('href', from);
        }
        window.scrollTo(0, scrollY || 0);
        restoreFocus(key);
        var summary = document.querySelector('main h1');
        if (summary) {
          announce(summary.textContent);
        }
        startLive();
      })
      .catch(function (e) {
        if (current.signal.aborted) {
          return;
        }
        // the page could not be fetched: let the browser load it and show what happened
        location.assign(href);
      });
  }

  // Only the parameters that carry a value: /?q=x instead of /?q=x&sort=
  function formHref(form) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (String(value).trim() !== '') {
        params.append(name, value);
      }
    });
    var qs = params.toString();
    return new URL(form.getAttribute('action') || '/', location.href).pathname + (qs ? '?' + qs : '');
  }

  document.addEventListener('click', function (e) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      return;
    }
    var a = e.target.closest && e.target.closest('a[href]');
    if (!a || a.target || a.hasAttribute('download')) {
      return;
    }
    var url = new URL(a.href, location.href);
    if (!isPage(url) || (url.pathname === location.pathname && url.search === location.search && url.hash)) {
      return;
    }
    e.preventDefault();
    navigate(url.pathname + url.search, true, 0);
  });

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (e.defaultPrevented || (form.method || 'get').toLowerCase() !== 'get') {
      return;
    }
    e.preventDefault();
    navigate(formHref(form), true, 0);
  });

  document.addEventListener('change', function (e) {
    if (e.target.id === 'sort' && e.target.form) {
      navigate(formHref(e.target.form), true, 0);
    }
  });

  window.addEventListener('popstate', function (e) {
    navigate(location.pathname + location.search, false, e.state && e.state.y);
  });

  function startLive() {
    if (live) {
      live.close();
      live = null;
    }
    fresh = 0;
    var main = document.getElementById('main');
    if (!window.EventSource || !main || !main.getAttribute('data-live') || main.getAttribute('data-first-page') !== 'true') {
      return;
    }
    live = new EventSource(main.getAttribute('data-live'));
    live.addEventListener('open', function () { main.classList.add('is-live'); });
    live.addEventListener('error', function () { main.classList.remove('is-live'); });
    live.addEventListener('paper', function (e) {
      var list = document.getElementById('results');
      if (!list) {
        return;
      }
      var t = document.createElement('template');
      t.innerHTML = e.data.trim();
      var item = t.content.firstElementChild;
      if (!item) {
        return;
      }
      var old = document.getElementById(item.id);
      if (old) {
        old.remove();
      } else {
        // one more paper matches: an exact total counts it
        var total = document.querySelector('#summary .total[data-total]');
        if (total) {
          var n = Number(total.getAttribute('data-total')) + 1;
          total.setAttribute('data-total', String(n));
          total.textContent = n.toLocaleString('en') + (n === 1 ? ' paper' : ' papers');
        }
      }
      var listTop = list.getBoundingClientRect().top;
      list.insertBefore(item, list.firstElementChild);
      var empty = document.getElementById('empty');
      if (empty) {
        empty.remove();
      }
      // keep the reader's place when the list starts above the window: browsers with scroll anchoring do it
      // themselves; the others are scrolled by the height of the new entry
      if (listTop < 0 && !(window.CSS && CSS.supports('overflow-anchor', 'auto'))) {
        window.scrollBy(0, item.getBoundingClientRect().height);
      }
      fresh += 1;
      var status = document.getElementById('live-status');
      var text = fresh === 1 ? '1 new paper added at the top' : fresh + ' new papers added at the top';
      if (status) {
        status.textContent = text;
      }
    });
  }

  window.addEventListener('pagehide', function () {
    if (live) {
      live.close();
      live = null;
    }
  });
  window.addEventListener('pageshow', function (e) {
    if (e.persisted) {
      startLive();
    }
  });
  history.replaceState({ y: window.scrollY }, '');
  startLive();
})();
