/*
 * 市政府工作规则问答 — embeddable widget.
 *
 *   <script src="http://HOST:7860/widget.js" data-city="datong" data-title="工作规则问答" async></script>
 *
 * Adds a round button in the bottom-right corner that opens a chat panel above it (on a small
 * screen the panel is a full-screen sheet). The button never moves: while the panel is open it
 * shows ✕. Everything lives in a shadow root, so the host page's styles cannot reach it and its
 * styles cannot reach the host page. Text is always inserted with textContent (never innerHTML),
 * so questions, answers and articles render as text. No request leaves for anywhere but HOST.
 *
 * Optional attributes: data-token (a widget token paired with this page's origin in
 * ASSISTANT_WIDGET_TOKENS, sent as X-Widget-Token; never put the API key in a page),
 * data-mode="inline" (fill the containing element instead of floating; used by /widget for the
 * <iframe> variant, which takes city, title and token from its own URL: /widget?city=…&token=…,
 * the token paired with this server's own origin, since the frame's requests come from it).
 *
 * Per answer: citation cards (linking to HOST/rules/{id}#{id} in a new tab, with the document's
 * 印发日期 and 状态), 👍/👎 (POST /api/feedback, one vote per answer, the last one stands) and 复制
 * (the answer and its sources as plain text).
 * Follow-ups: this conversation's earlier questions are sent as "history", so 「那常务会议呢？」
 * is understood; 「清空」 starts a new conversation. The conversation is kept in sessionStorage
 * per host page, so it survives a reload of that page.
 * Connection errors are diagnosed: a refused cross-origin request while HOST/healthz answers
 * means this page's origin is missing from ASSISTANT_CORS_ORIGINS; no answer at all means the
 * server is down or listening on 127.0.0.1 only.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var base = new URL(script.src, location.href).origin;
  var inline = script.getAttribute("data-mode") === "inline";
  var query = inline ? new URLSearchParams(location.search) : new URLSearchParams("");
  var city = query.get("city") || script.getAttribute("data-city") || "";
  var title = query.get("title") || script.getAttribute("data-title") || "工作规则问答";
  var apiKey = script.getAttribute("data-api-key") || ""; // kept for old pages; prefer data-token
  var token = script.getAttribute("data-token") || query.get("token") || "";
  var MAX_HISTORY = 20, MAX_HISTORY_CHARS = 500; // as accepted by /api/ask
  var MAX_STORED = 40; // messages kept in sessionStorage
  var TIMEOUT_MS = 120000;
  var STORE_KEY = "gov-rules-widget:" + base + ":" + location.pathname + ":" + city;
  var GREETING = "您好！请输入关于政府工作规则的问题，回答会逐字引用条文并注明出处。";

  var earlier = []; // this conversation's questions so far, oldest first (sent as "history")
  var stored = []; // this conversation's messages, for sessionStorage: {who: "user", text} | {who: "bot", data}
  var conversation = 0; // bumped by 清空: a reply to a cleared conversation is dropped

  var host = document.createElement("div");
  host.setAttribute("data-gov-rules-widget", "");
  if (inline) {
    host.style.cssText = "all: initial; display: block; width: 100%; height: 100%;";
    (script.parentElement || document.body).appendChild(host);
  } else {
    // No box of its own (the button and panel are position: fixed), so it never shifts the page.
    host.style.cssText = "all: initial; position: fixed; right: 0; bottom: 0; width: 0; height: 0; z-index: 2147483000;";
    document.body.appendChild(host);
  }
  if (inline) document.title = title;
  var root = host.attachShadow({ mode: "open" });

  var style = document.createElement("style");
  style.textContent = [
    ":host { all: initial; }",
    "* { box-sizing: border-box; }",
    // Every inherited property the host page might force on the host element, set again here.
    ".wrap { font-family: 'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei','PingFang SC',sans-serif;" +
      " font-size: 14px; font-weight: 400; font-style: normal; line-height: 1.7; color: #1f2937; letter-spacing: normal;" +
      " word-spacing: normal; text-align: left; text-transform: none; text-indent: 0; white-space: normal;" +
      " direction: ltr; visibility: visible; cursor: auto; }",
    "button, input { font: inherit; letter-spacing: normal; }",
    ".fab { position: fixed; right: 20px; bottom: 20px; width: 56px; height: 56px; margin: 0; padding: 0;" +
      " border-radius: 50%; border: none; background: #2563eb; color: #fff; font-size: 15px; cursor: pointer;" +
      " box-shadow: 0 4px 14px rgba(0,0,0,.25); }",
    ".fab:hover { background: #1d4ed8; }",
    ".fab:focus-visible, .head button:focus-visible { outline: 3px solid #93c5fd; outline-offset: 2px; }",
    ".open .fab { font-size: 22px; }",
    ".panel { display: none; flex-direction: column; position: fixed; right: 20px; bottom: 88px;" +
      " width: min(380px, calc(100vw - 40px)); height: min(560px, calc(100vh - 108px)); height: min(560px, calc(100dvh - 108px));" +
      " background: #fff; border: 1px solid #cbd5e1; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.25); overflow: hidden; }",
    ".open .panel { display: flex; }",
    // Small screens: a full-screen sheet; the header's ✕ closes it, the button waits in its corner.
    "@media (max-width: 480px), (max-height: 520px) {" +
      " .panel { top: 0; left: 0; right: 0; bottom: 0; width: auto; height: auto; border: none; border-radius: 0; }" +
      " .open .fab { display: none; } }",
    ".inline { width: 100%; height: 100%; }",
    ".inline .panel { display: flex; position: static; width: 100%; height: 100%; border: none; border-radius: 0; box-shadow: none; }",
    ".head { flex: none; background: #2563eb; color: #fff; padding: 10px 14px; font-size: 15px; font-weight: 600;" +
      " display: flex; justify-content: space-between; align-items: center; gap: 8px; }",
    ".head-title { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }",
    ".head-place { flex: none; margin-left: 6px; margin-right: auto; font-size: 12px; opacity: .85; white-space: nowrap; }",
    ".head-place:empty { display: none; }",
    ".tools { display: flex; gap: 6px; align-items: center; flex: none; }",
    ".clear { background: none; border: 1px solid rgba(255,255,255,.7); border-radius: 4px; color: #fff; font-size: 12px;" +
      " line-height: 1.5; padding: 1px 6px; cursor: pointer; }",
    ".close { background: none; border: none; color: #fff; font-size: 20px; line-height: 1; padding: 2px 4px; cursor: pointer; }",
    ".log { flex: 1 1 auto; min-height: 0; overflow-y: auto; overscroll-behavior: contain; position: relative;" +
      " padding: 12px; background: #f8fafc; }",
    ".msg { margin: 6px 0; padding: 8px 10px; border-radius: 8px; word-break: break-word; }",
    ".text { white-space: pre-wrap; }",
    ".user { background: #dbeafe; margin-left: 40px; white-space: pre-wrap; }",
    ".bot { background: #fff; border: 1px solid #e2e8f0; margin-right: 12px; }",
    ".refused { background: #fffbeb; border: 1px solid #f59e0b; }",
    ".error { background: #fef2f2; border: 1px solid #ef4444; color: #991b1b; }",
    ".waiting { color: #64748b; }",
    ".notice { margin-bottom: 4px; color: #92400e; font-size: 12px; }",
    ".card { margin-top: 8px; border-left: 4px solid #2563eb; background: #f1f5ff; padding: 6px 8px; border-radius: 6px; }",
    ".card-title { font-weight: 700; color: #1e3a8a; text-decoration: none; }",
    ".card-title:hover { text-decoration: underline; }",
    ".card-title::after { content: ' \\2197'; font-weight: 400; font-size: 12px; }",
    ".card-meta { color: #64748b; font-size: 12px; line-height: 1.6; }",
    ".card-meta .part, .card-meta .issued { white-space: nowrap; }",
    ".badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 11px; background: #fef3c7; color: #92400e; }",
    ".badge.current { background: #dcfce7; color: #166534; }",
    ".card details { margin-top: 4px; } .card summary { cursor: pointer; color: #2563eb; font-size: 12px; }",
    ".card .full { white-space: pre-wrap; font-size: 13px; }",
    ".card mark { background: #fde68a; color: inherit; }",
    ".actions { display: flex; align-items: center; flex-wrap: wrap; gap: 6px; margin-top: 8px; }",
    ".actions button { border: 1px solid #cbd5e1; background: #fff; color: #334155; border-radius: 6px; font-size: 13px;" +
      " line-height: 1.4; height: 26px; padding: 0 8px; cursor: pointer; }",
    ".actions button:hover { background: #f1f5f9; }",
    ".actions button[aria-pressed='true'] { background: #dbeafe; border-color: #2563eb; color: #1d4ed8; }",
    ".actions .vote { display: inline-flex; align-items: center; justify-content: center; width: 34px; padding: 0; }",
    ".vote svg { width: 15px; height: 15px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }",
    ".vote[aria-pressed='true'] svg { fill: #bfdbfe; }",
    ".actions button:disabled { opacity: .6; cursor: default; }",
    ".status { color: #64748b; font-size: 12px; }",
    ".status.bad { color: #b91c1c; }",
    ".form { flex: none; display: flex; gap: 6px; padding: 8px; border-top: 1px solid #e2e8f0; background: #fff; }",
    ".form input { flex: 1; min-width: 0; padding: 8px; border: 1px solid #cbd5e1; border-radius: 6px; font-size: 16px;" +
      " line-height: 1.4; color: #1f2937; background: #fff; }",
    ".form button { flex: none; padding: 8px 14px; border: none; border-radius: 6px; background: #2563eb; color: #fff;" +
      " cursor: pointer; font-size: 14px; }",
    ".form button:disabled { background: #94a3b8; cursor: default; }",
    ".copybuf { position: fixed; left: -9999px; top: 0; opacity: 0; }",
  ].join("\n");
  root.appendChild(style);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function button(cls, text, label) {
    var b = el("button", cls, text);
    b.type = "button";
    if (label) {
      b.setAttribute("aria-label", label);
      b.title = label;
    }
    return b;
  }

  var wrap = el("div", "wrap" + (inline ? " inline" : ""));
  var panel = el("div", "panel");
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", title);
  var head = el("div", "head");
  head.appendChild(el("span", "head-title", title));
  var placeTag = el("span", "head-place", ""); // the place answers are for (data-city), once the server names it
  head.appendChild(placeTag);
  var tools = el("span", "tools");
  var clear = button("clear", "清空");
  clear.title = "清空对话，开始新的提问";
  tools.appendChild(clear);
  var close = button("close", "✕", "关闭");
  if (!inline) tools.appendChild(close);
  head.appendChild(tools);
  var log = el("div", "log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  var form = el("form", "form");
  var input = el("input");
  input.placeholder = "请输入问题…";
  input.setAttribute("aria-label", "问题");
  input.maxLength = 2000;
  var send = el("button", "", "提问");
  send.type = "submit";
  form.appendChild(input);
  form.appendChild(send);
  panel.appendChild(head);
  panel.appendChild(log);
  panel.appendChild(form);
  wrap.appendChild(panel);
  var fab = button("fab", "问答", title);
  fab.setAttribute("aria-expanded", "false");
  if (!inline) wrap.appendChild(fab);
  root.appendChild(wrap);

  var coarse = !!(window.matchMedia && window.matchMedia("(pointer: coarse)").matches);

  function setOpen(open) {
    wrap.classList.toggle("open", open);
    fab.textContent = open ? "✕" : "问答";
    fab.setAttribute("aria-label", open ? "关闭" + title : title);
    fab.title = open ? "关闭" : title;
    fab.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      if (!coarse) input.focus(); // on a phone, no keyboard over the sheet until the field is tapped
      log.scrollTop = log.scrollHeight;
    } else if (!inline) {
      fab.focus();
    }
  }

  fab.addEventListener("click", function () { setOpen(!wrap.classList.contains("open")); });
  close.addEventListener("click", function () { setOpen(false); });
  panel.addEventListener("keydown", function (e) { if (e.key === "Escape" && !inline) setOpen(false); });

  // ---- conversation kept per host page (sessionStorage may be unavailable: then memory only) ----

  function save() {
    try {
      if (!stored.length) window.sessionStorage.removeItem(STORE_KEY);
      else window.sessionStorage.setItem(STORE_KEY, JSON.stringify({ earlier: earlier, messages: stored.slice(-MAX_STORED) }));
    } catch (e) { /* storage off or full: the conversation lives in memory only */ }
  }

  function restore() {
    var saved = null;
    try { saved = JSON.parse(window.sessionStorage.getItem(STORE_KEY) || "null"); } catch (e) { saved = null; }
    if (!saved || !Array.isArray(saved.messages)) return;
    earlier = (Array.isArray(saved.earlier) ? saved.earlier : []).filter(function (q) { return typeof q === "string"; });
    saved.messages.forEach(function (m) {
      if (m && m.who === "user" && typeof m.text === "string") {
        addUser(m.text);
        stored.push({ who: "user", text: m.text });
      } else if (m && m.who === "bot" && m.data && typeof m.data.answer === "string") addAnswer(m.data, m.question || "");
    });
  }

  var placeProblem = ""; // the configured place is not in the knowledge base (``checkPlace``)

  function greet() {
    log.textContent = "";
    log.appendChild(el("div", "msg bot", GREETING));
    if (placeProblem) log.appendChild(el("div", "msg bot error", placeProblem));
  }

  clear.addEventListener("click", function () {
    earlier = [];
    stored = [];
    conversation += 1;
    save();
    greet();
    input.focus();
  });

  // ---- talking to the server ----

  /** The configured place (data-city / ?city=) by its name in the header, or, when the knowledge base has no
   *  such place, said at once rather than after the first question. Compared as the server does: NFKC,
   *  lower-case; the slug, the name, the name without 市/区, or an alias. */
  function checkPlace() {
    if (!city) return;
    var wanted = city.normalize("NFKC").trim().toLowerCase();
    fetch(base + "/api/cities", { headers: headers(), credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (cities) {
        if (!Array.isArray(cities)) return; // not allowed or not reachable: the first answer will say why
        var found = cities.filter(function (c) {
          var names = [c.slug, c.name, String(c.name || "").replace(/[市区]$/, "")].concat(c.aliases || []);
          return names.some(function (n) { return String(n || "").toLowerCase() === wanted; });
        })[0];
        if (found) {
          placeTag.textContent = "（" + found.name + "）";
          panel.setAttribute("aria-label", title + "（" + found.name + "）");
        } else {
          var have = cities.map(function (c) { return c.name; }).join("、");
          placeProblem = "本组件配置的地区「" + city + "」不在知识库中（现有：" + have + "），提问会被拒绝。请联系页面管理员修改 data-city。";
          log.appendChild(el("div", "msg bot error", placeProblem));
        }
      })
      .catch(function () { /* the first question reports an unreachable server */ });
  }

  function headers() {
    var h = { "Content-Type": "application/json" };
    if (token) h["X-Widget-Token"] = token;
    else if (apiKey) h["X-API-Key"] = apiKey;
    return h;
  }

  function failure(message) {
    var e = new Error(message);
    e.widget = true;
    return e;
  }

  /** Why a request never got an answer, in Chinese, for the person who can fix it. */
  function unreachable() {
    var down = "无法连接问答服务（" + base + "）。请确认服务已启动，且以 --host 0.0.0.0 或本机地址监听。";
    if (location.origin === base) return Promise.resolve("与问答服务的连接中断，请稍后再试。");
    if (location.protocol === "file:") {
      return Promise.resolve("本页是本地文件（file://），浏览器不允许它访问问答服务。请通过网站地址（http://…）打开本页。");
    }
    // An opaque (no-cors) request is not subject to CORS: if it resolves, the server is up and refused this origin.
    return fetch(base + "/healthz", { mode: "no-cors", cache: "no-store", credentials: "omit" }).then(
      function () {
        return "问答服务未允许本页面所在的来源（" + location.origin + "）访问。请管理员在问答服务器上把它加入 ASSISTANT_CORS_ORIGINS。";
      },
      function () { return down; }
    );
  }

  function problem(status, body, retryAfter) {
    var message = body && body.error && typeof body.error.message === "string" ? body.error.message : "";
    if (status === 429) {
      if (message) return message;
      return retryAfter ? "请求过于频繁，请 " + retryAfter + " 秒后再试。" : "请求过于频繁，请稍后再试。";
    }
    if (status === 401 || status === 403) {
      return (message || "问答服务拒绝了请求。") +
        "请管理员确认本页的组件令牌（data-token）已与本页来源一起配到 ASSISTANT_WIDGET_TOKENS。";
    }
    if (message) return message;
    return "问答服务出错（HTTP " + status + "），请稍后再试。";
  }

  /** POST JSON; resolves with the body of a 2xx answer, rejects with an Error whose message is shown. */
  function post(path, payload) {
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
    var options = { method: "POST", headers: headers(), body: JSON.stringify(payload), credentials: "same-origin" };
    if (controller) options.signal = controller.signal;
    return fetch(base + path, options)
      .then(
        function (r) {
          return r.text().then(function (text) {
            var body = null;
            try { body = JSON.parse(text); } catch (e) { body = null; }
            if (r.ok && body) return body;
            throw failure(r.ok ? "问答服务返回了无法识别的内容，请稍后再试。" : problem(r.status, body, r.headers.get("Retry-After")));
          });
        },
        function (err) {
          if (err && err.name === "AbortError") throw failure("问答服务长时间没有响应，请稍后再试。");
          return unreachable().then(function (message) { throw failure(message); });
        }
      )
      .finally(function () { if (timer) clearTimeout(timer); });
  }

  // ---- rendering ----

  function highlighted(text, quotes) {
    // <mark> ranges built from text nodes only.
    var frag = document.createDocumentFragment();
    var rest = text;
    quotes.forEach(function (q) {
      var i = q ? rest.indexOf(q) : -1;
      if (i < 0) return;
      frag.appendChild(document.createTextNode(rest.slice(0, i)));
      frag.appendChild(el("mark", "", q));
      rest = rest.slice(i + q.length);
    });
    frag.appendChild(document.createTextNode(rest));
    return frag;
  }

  /** The rules page on the assistant server (citations carry it relative to the server); null if odd. */
  function rulesLink(c) {
    var url;
    try { url = new URL(c.url || "/rules/" + encodeURIComponent(c.id) + "#" + encodeURIComponent(c.id), base + "/"); } catch (e) { return null; }
    return url.origin === base ? url.href : null;
  }

  /** The cited articles, each once, with all of its quotes, in the order cited. */
  function articles(citations) {
    var byId = {}, order = [];
    (citations || []).forEach(function (c) {
      if (!c || !c.id) return;
      if (!byId[c.id]) {
        byId[c.id] = { c: c, quotes: [] };
        order.push(byId[c.id]);
      }
      if (c.quote && byId[c.id].quotes.indexOf(c.quote) < 0) byId[c.id].quotes.push(c.quote);
    });
    return order;
  }

  /** 大同市《市政府常务会议工作规则》第十四条: the citation with its city where the title does not name it. */
  function cardTitle(c) {
    if (c.source) return c.source;
    var where = c.city_name && c.document && c.document.indexOf(c.city_name) < 0 ? c.city_name : "";
    return where + c.citation;
  }

  function card(c, quotes) {
    var box = el("div", "card");
    var href = rulesLink(c);
    var head = el(href ? "a" : "div", "card-title", cardTitle(c));
    if (href) {
      head.href = href;
      head.target = "_blank";
      head.rel = "noopener noreferrer";
      head.title = "在新标签页中查看条文所在的文件";
    }
    box.appendChild(head);
    var where = [c.chapter && c.chapter.label, c.city_name, c.document_number].filter(Boolean);
    if (where.length) {
      var line = el("div", "card-meta");
      where.forEach(function (part, i) {
        if (i) line.appendChild(document.createTextNode(" · "));
        line.appendChild(el("span", "part", part)); // a line breaks between parts, not inside 〔2024〕2号
      });
      box.appendChild(line);
    }
    if (c.issued || c.status) {
      var meta = el("div", "card-meta");
      if (c.issued) meta.appendChild(el("span", "issued", "印发日期 " + c.issued));
      if (c.issued && c.status) meta.appendChild(document.createTextNode(" · "));
      if (c.status) meta.appendChild(el("span", "badge" + (c.status === "现行有效" ? " current" : ""), c.status));
      box.appendChild(meta);
    }
    if (c.text) {
      var details = el("details");
      details.appendChild(el("summary", "", "查看全文"));
      var full = el("div", "full");
      full.appendChild(highlighted(c.text, quotes));
      details.appendChild(full);
      box.appendChild(details);
    }
    return box;
  }

  /** The answer and its sources as plain text: 《文件》第N条（文号） and each quote. */
  function plainText(data, question) {
    var lines = question ? ["问：" + question, "答：" + data.answer] : [data.answer];
    if (data.notice) lines.push("提示：" + data.notice);
    var cited = articles(data.citations);
    if (cited.length) {
      lines.push("", "依据：");
      cited.forEach(function (a) {
        var c = a.c;
        // 大同市《市政府常务会议工作规则》第十四条: the city where the title does not name it
        lines.push(cardTitle(c) + (c.document_number ? "（" + c.document_number + "）" : ""));
        a.quotes.forEach(function (q) { lines.push("「" + q + "」"); });
      });
    }
    return lines.join("\n");
  }

  function copy(text) {
    function fallback() {
      var area = el("textarea", "copybuf");
      area.value = text;
      area.setAttribute("readonly", "");
      root.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      return ok ? Promise.resolve() : Promise.reject(new Error("copy"));
    }
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(fallback);
    }
    return fallback();
  }

  function randomId() {
    var bytes = new Uint8Array(12);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return "w-" + Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  /** What is kept of an answer (for feedback and sessionStorage). */
  function kept(data) {
    return {
      answer: data.answer,
      refused: !!data.refused,
      city: data.city || null,
      notice: data.notice || "",
      answer_id: data.answer_id || randomId(),
      vote: data.vote === true || data.vote === false ? data.vote : null,
      citations: (data.citations || []).map(function (c) {
        return {
          id: c.id, citation: c.citation, source: c.source || "", document: c.document || "", chapter: c.chapter ? { label: c.chapter.label } : null, city_name: c.city_name,
          document_number: c.document_number, issued: c.issued || "", status: c.status || "", url: c.url || "",
          quote: c.quote, text: c.text,
        };
      }),
    };
  }

  // 👍/👎 drawn as SVG (Feather icons, MIT): many intranet machines have no colour-emoji font.
  var THUMB_UP = "M14 9V5a3 3 0 0 0-3-3l-4 9v11h11.28a2 2 0 0 0 2-1.7l1.38-9a2 2 0 0 0-2-2.3zM7 22H4a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2h3";
  var THUMB_DOWN = "M10 15v4a3 3 0 0 0 3 3l4-9V2H5.72a2 2 0 0 0-2 1.7l-1.38 9a2 2 0 0 0 2 2.3zm7-13h2.67A2.31 2.31 0 0 1 22 4v7a2.31 2.31 0 0 1-2.33 2H17";

  function icon(d) {
    var NS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var path = document.createElementNS(NS, "path");
    path.setAttribute("d", d);
    svg.appendChild(path);
    return svg;
  }

  function actions(data, question) {
    var row = el("div", "actions");
    var up = button("vote up", undefined, "有帮助");
    up.appendChild(icon(THUMB_UP));
    var down = button("vote down", undefined, "没有帮助");
    down.appendChild(icon(THUMB_DOWN));
    var copier = button("copy", "复制", "复制回答与出处");
    var status = el("span", "status");
    status.setAttribute("role", "status");
    function pressed() {
      up.setAttribute("aria-pressed", data.vote === true ? "true" : "false");
      down.setAttribute("aria-pressed", data.vote === false ? "true" : "false");
    }
    pressed();
    function vote(liked) {
      up.disabled = down.disabled = true;
      status.className = "status";
      status.textContent = "正在提交…";
      var payload = {
        question: question || "（未记录问题）",
        city: data.city || null,
        liked: liked,
        answer_id: data.answer_id,
        answer: {
          answer: data.answer,
          refused: data.refused,
          citations: data.citations.filter(function (c) { return c.id && c.quote; }).map(function (c) { return { id: c.id, quote: c.quote }; }),
        },
      };
      post("/api/feedback", payload)
        .then(function () {
          data.vote = liked;
          pressed();
          status.textContent = "已记录反馈，谢谢！";
          save();
        }, function (err) {
          status.className = "status bad";
          status.textContent = err && err.widget ? err.message : "反馈提交失败，请稍后再试。";
        })
        .finally(function () { up.disabled = down.disabled = false; });
    }
    up.addEventListener("click", function () { vote(true); });
    down.addEventListener("click", function () { vote(false); });
    copier.addEventListener("click", function () {
      copy(plainText(data, question)).then(function () {
        status.className = "status";
        status.textContent = "已复制回答与出处";
      }, function () {
        status.className = "status bad";
        status.textContent = "无法复制，请手动选择文字复制";
      });
    });
    row.appendChild(up);
    row.appendChild(down);
    if (data.answer) row.appendChild(copier);
    row.appendChild(status);
    return row;
  }

  function addUser(text) {
    var m = el("div", "msg user", text);
    log.appendChild(m);
    return m;
  }

  function addAnswer(raw, question) {
    var data = kept(raw);
    var box = el("div", "msg bot" + (data.refused ? " refused" : ""));
    if (data.notice) box.appendChild(el("div", "notice", data.notice));
    box.appendChild(el("div", "text", data.answer));
    articles(data.citations).forEach(function (a) { box.appendChild(card(a.c, a.quotes)); });
    box.appendChild(actions(data, question));
    log.appendChild(box);
    stored.push({ who: "bot", question: question, data: data });
    return box;
  }

  /** Show the question at the top of the list, with as much of its answer as fits. */
  function reveal(question) {
    var top = question.offsetTop - 8;
    log.scrollTop = log.scrollHeight - log.clientHeight > top ? top : log.scrollHeight;
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var q = input.value.trim();
    if (!q || send.disabled) return;
    var asked = addUser(q);
    stored.push({ who: "user", text: q });
    input.value = "";
    send.disabled = true;
    var waiting = el("div", "msg bot waiting", "正在检索…");
    log.appendChild(waiting);
    log.scrollTop = log.scrollHeight;
    var sentIn = conversation;
    post("/api/ask", { question: q, city: city || null, history: earlier })
      .then(function (body) {
        waiting.remove();
        if (sentIn !== conversation) return;
        earlier = earlier.concat([q.slice(0, MAX_HISTORY_CHARS)]).slice(-MAX_HISTORY);
        addAnswer(body, q);
        save();
        reveal(asked);
      }, function (err) {
        waiting.remove();
        if (sentIn !== conversation) return;
        stored.pop(); // an unanswered question is not part of the conversation
        save();
        log.appendChild(el("div", "msg bot error", err && err.widget ? err.message : "请求失败，请稍后再试。"));
        log.scrollTop = log.scrollHeight;
      })
      .finally(function () {
        send.disabled = false;
        if (!coarse) input.focus();
      });
  });

  greet();
  checkPlace();
  restore();
  log.scrollTop = log.scrollHeight;
})();
