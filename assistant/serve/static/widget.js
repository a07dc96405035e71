/*
 * 市政府工作规则问答 — embeddable widget.
 *
 *   <script src="http://HOST:7860/widget.js" data-city="datong" data-title="工作规则问答" async></script>
 *
 * Adds a floating button that opens a chat panel. Everything lives in a shadow root, so the
 * host page's styles cannot reach it and its styles cannot reach the host page. Text is always
 * inserted with textContent (never innerHTML), so questions and articles render as text.
 * Optional attributes: data-token (a widget token paired with this page's origin in
 * ASSISTANT_WIDGET_TOKENS, sent as X-Widget-Token; never put the API key in a page),
 * data-mode="inline" (fill the containing element instead of floating; used by /widget for the
 * <iframe> variant, which takes the token from its own URL: /widget?token=…, paired with this
 * server's own origin, since the frame's requests come from it).
 * Follow-ups: this session's earlier questions are kept in memory and sent as "history", so
 * 「那常务会议呢？」 is understood; 「清空」 in the header starts a new conversation.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var base = new URL(script.src, location.href).origin;
  var city = script.getAttribute("data-city") || "";
  var title = script.getAttribute("data-title") || "工作规则问答";
  var apiKey = script.getAttribute("data-api-key") || ""; // kept for old pages; prefer data-token
  var inline = script.getAttribute("data-mode") === "inline";
  var token = script.getAttribute("data-token") || (inline ? new URLSearchParams(location.search).get("token") : "") || "";
  var MAX_HISTORY = 20, MAX_HISTORY_CHARS = 500; // as accepted by /api/ask
  var earlier = []; // this conversation's questions so far, oldest first (sent as "history")
  var conversation = 0; // bumped by 清空: a reply to a cleared conversation is dropped

  var host = document.createElement("div");
  host.setAttribute("data-gov-rules-widget", "");
  if (inline) {
    host.style.cssText = "all: initial; display: block; height: 100%;";
    (script.parentElement || document.body).appendChild(host);
  } else {
    host.style.cssText = "all: initial; position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;";
    document.body.appendChild(host);
  }
  var root = host.attachShadow({ mode: "open" });

  var style = document.createElement("style");
  style.textContent = [
    ":host { all: initial; }",
    "* { box-sizing: border-box; font-family: 'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei','PingFang SC',sans-serif; }",
    ".fab { width: 56px; height: 56px; border-radius: 50%; border: none; background: #2563eb; color: #fff; font-size: 15px; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); }",
    ".panel { display: none; flex-direction: column; width: 380px; height: 540px; max-height: 80vh; background: #fff; border: 1px solid #cbd5e1; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.25); overflow: hidden; margin-bottom: 12px; }",
    ".panel.open { display: flex; }",
    ".inline .panel { display: flex; width: 100%; height: 100%; max-height: none; margin: 0; border-radius: 0; box-shadow: none; }",
    ".head { background: #2563eb; color: #fff; padding: 10px 14px; font-size: 15px; font-weight: 600; display: flex; justify-content: space-between; align-items: center; }",
    ".close { background: none; border: none; color: #fff; font-size: 18px; cursor: pointer; }",
    ".tools { display: flex; gap: 6px; align-items: center; }",
    ".clear { background: none; border: 1px solid rgba(255,255,255,.7); border-radius: 4px; color: #fff; font-size: 12px; padding: 1px 6px; cursor: pointer; }",
    ".log { flex: 1; overflow-y: auto; padding: 12px; background: #f8fafc; font-size: 14px; line-height: 1.7; color: #1f2937; }",
    ".msg { margin: 6px 0; padding: 8px 10px; border-radius: 8px; white-space: pre-wrap; word-break: break-word; }",
    ".user { background: #dbeafe; margin-left: 40px; }",
    ".bot { background: #fff; border: 1px solid #e2e8f0; margin-right: 12px; }",
    ".refused { background: #fffbeb; border: 1px solid #f59e0b; }",
    ".error { background: #fef2f2; border: 1px solid #ef4444; }",
    ".card { margin-top: 8px; border-left: 4px solid #2563eb; background: #f1f5ff; padding: 6px 8px; border-radius: 6px; }",
    ".card-title { font-weight: 700; color: #1e3a8a; }",
    ".card-meta { color: #64748b; font-size: 12px; }",
    ".card details { margin-top: 4px; } .card summary { cursor: pointer; color: #2563eb; font-size: 12px; }",
    ".card mark { background: #fde68a; }",
    ".form { display: flex; gap: 6px; padding: 8px; border-top: 1px solid #e2e8f0; background: #fff; }",
    ".form input { flex: 1; padding: 8px; border: 1px solid #cbd5e1; border-radius: 6px; font-size: 14px; }",
    ".form button { padding: 8px 14px; border: none; border-radius: 6px; background: #2563eb; color: #fff; cursor: pointer; font-size: 14px; }",
    ".form button:disabled { background: #94a3b8; }",
  ].join("\n");
  root.appendChild(style);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var wrap = el("div", inline ? "inline" : "");
  var panel = el("div", "panel");
  var head = el("div", "head");
  head.appendChild(el("span", "", title));
  var tools = el("span", "tools");
  var clear = el("button", "clear", "清空");
  clear.type = "button";
  clear.title = "清空对话，开始新的提问";
  tools.appendChild(clear);
  var close = el("button", "close", "×");
  close.setAttribute("aria-label", "关闭");
  if (!inline) tools.appendChild(close);
  head.appendChild(tools);
  var log = el("div", "log");
  var GREETING = "您好！请输入关于政府工作规则的问题，回答会逐字引用条文并注明出处。";
  log.appendChild(el("div", "msg bot", GREETING));
  var form = el("form", "form");
  var input = el("input");
  input.placeholder = "请输入问题…";
  input.setAttribute("aria-label", "问题");
  var send = el("button", "", "提问");
  send.type = "submit";
  form.appendChild(input);
  form.appendChild(send);
  panel.appendChild(head);
  panel.appendChild(log);
  panel.appendChild(form);
  wrap.appendChild(panel);
  var fab = el("button", "fab", "问答");
  fab.setAttribute("aria-label", title);
  if (!inline) wrap.appendChild(fab);
  root.appendChild(wrap);

  fab.addEventListener("click", function () { panel.classList.toggle("open"); if (panel.classList.contains("open")) input.focus(); });
  close.addEventListener("click", function () { panel.classList.remove("open"); });
  clear.addEventListener("click", function () {
    earlier = [];
    conversation += 1;
    log.textContent = "";
    log.appendChild(el("div", "msg bot", GREETING));
    input.focus();
  });

  function highlighted(text, quotes) {
    // Build <mark> ranges with text nodes only.
    var frag = document.createDocumentFragment();
    var rest = text;
    quotes.forEach(function (q) {
      var i = rest.indexOf(q);
      if (i < 0) return;
      frag.appendChild(document.createTextNode(rest.slice(0, i)));
      frag.appendChild(el("mark", "", q));
      rest = rest.slice(i + q.length);
    });
    frag.appendChild(document.createTextNode(rest));
    return frag;
  }

  function render(data) {
    var box = el("div", "msg bot" + (data.refused ? " refused" : ""), data.answer);
    var seen = {};
    (data.citations || []).forEach(function (c) {
      if (seen[c.id]) return;
      seen[c.id] = true;
      var quotes = data.citations.filter(function (x) { return x.id === c.id; }).map(function (x) { return x.quote; });
      var card = el("div", "card");
      card.appendChild(el("div", "card-title", c.citation));
      card.appendChild(el("div", "card-meta", (c.chapter ? c.chapter.label + " · " : "") + c.city_name + " · " + c.document_number));
      var details = el("details");
      details.appendChild(el("summary", "", "查看全文"));
      var body = el("div");
      body.appendChild(highlighted(c.text, quotes));
      details.appendChild(body);
      card.appendChild(details);
      box.appendChild(card);
    });
    log.appendChild(box);
    log.scrollTop = log.scrollHeight;
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var q = input.value.trim();
    if (!q) return;
    log.appendChild(el("div", "msg user", q));
    input.value = "";
    send.disabled = true;
    var waiting = el("div", "msg bot", "正在检索…");
    log.appendChild(waiting);
    log.scrollTop = log.scrollHeight;
    var headers = { "Content-Type": "application/json" };
    if (token) headers["X-Widget-Token"] = token;
    else if (apiKey) headers["X-API-Key"] = apiKey;
    var sentIn = conversation;
    var payload = { question: q, city: city || null, history: earlier };
    fetch(base + "/api/ask", { method: "POST", headers: headers, body: JSON.stringify(payload), credentials: "same-origin" })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        waiting.remove();
        if (sentIn !== conversation) return;
        if (res.ok) {
          earlier = earlier.concat([q.slice(0, MAX_HISTORY_CHARS)]).slice(-MAX_HISTORY);
          render(res.body);
        } else {
          log.appendChild(el("div", "msg bot error", (res.body.error && res.body.error.message) || "请求失败。"));
        }
      })
      .catch(function () {
        waiting.remove();
        if (sentIn === conversation) log.appendChild(el("div", "msg bot error", "无法连接问答服务，请稍后再试。"));
      })
      .finally(function () { send.disabled = false; log.scrollTop = log.scrollHeight; input.focus(); });
  });
})();
