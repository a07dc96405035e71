/*
 * 市政府工作规则问答 — the desk chat at "/".
 *
 * Plain script, no framework, no external request. Every question, answer and article text is
 * inserted as text (textContent / text nodes), never as HTML. The conversation (questions,
 * answers, the chosen city, votes) lives in localStorage, so a reload or a server restart
 * loses nothing; 清空对话 forgets it, and with it the context sent for follow-ups.
 *
 * API: POST /api/ask/stream (SSE: delta, reset, answer, error), POST /api/feedback.
 */
(function () {
  "use strict";

  const KEY = "gov-rules-desk/v1";
  const MAX_TURNS = 50;
  const MAX_HISTORY = 20;
  const MAX_HISTORY_CHARS = 500;
  const LOST = "无法连接问答服务，请检查网络或稍后重试";
  const IN_FORCE = "现行有效";

  const data = JSON.parse(document.getElementById("desk-data").textContent);
  const cityNames = {};
  data.cities.forEach(function (c) { cityNames[c.slug] = c.name; });

  const $ = function (id) { return document.getElementById(id); };
  const log = $("log"), empty = $("empty"), box = $("question"), send = $("send");
  const citySelect = $("city"), status = $("status");

  let state = load();
  let pending = null; // {controller, question} while an answer is on its way

  // ---------- small DOM helpers ----------

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  const ICONS = {
    up: "M7 10v11M7 10l4-8c1.7 0 2.6 1.2 2.3 2.8L12.6 9H19a2 2 0 0 1 2 2.3l-1.3 7.6A2.5 2.5 0 0 1 17.2 21H7M7 10H4a1 1 0 0 0-1 1v9a1 1 0 0 0 1 1h3",
    down: "M17 14V3M17 14l-4 8c-1.7 0-2.6-1.2-2.3-2.8l.7-4.2H5a2 2 0 0 1-2-2.3l1.3-7.6A2.5 2.5 0 0 1 6.8 3H17M17 14h3a1 1 0 0 0 1-1V4a1 1 0 0 0-1-1h-3",
  };

  function icon(name) {
    // A line icon drawn here (no emoji font needed, no file to fetch).
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("class", "icon");
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", ICONS[name]);
    svg.appendChild(path);
    return svg;
  }

  function button(cls, text, onClick, title) {
    const b = el("button", cls, text);
    b.type = "button";
    if (title) b.title = title;
    b.addEventListener("click", onClick);
    return b;
  }

  function safeUrl(url, id) {
    return typeof url === "string" && /^\/rules\/[^/]/.test(url) ? url : "/rules/" + encodeURIComponent(id) + "#" + encodeURIComponent(id);
  }

  function isPhone() {
    return window.matchMedia("(max-width: 640px)").matches;
  }

  // ---------- storage ----------

  function load() {
    try {
      const s = JSON.parse(localStorage.getItem(KEY) || "null");
      if (s && Array.isArray(s.turns)) return { city: typeof s.city === "string" ? s.city : "", turns: s.turns.filter(validTurn) };
    } catch (e) { /* unreadable: start afresh */ }
    return { city: "", turns: [] };
  }

  function validTurn(t) {
    return t && typeof t.id === "string" && typeof t.question === "string" && t.answer && typeof t.answer.answer === "string";
  }

  function save() {
    state.turns = state.turns.slice(-MAX_TURNS);
    for (;;) {
      try {
        localStorage.setItem(KEY, JSON.stringify(state));
        return;
      } catch (e) {
        if (!state.turns.length) return; // storage off or full: the page still works, unsaved
        state.turns.shift(); // full: drop the oldest turn and try again
      }
    }
  }

  function stored(answer) {
    // What is kept of an answer: everything shown (retrieval rows without their full text).
    const keep = {};
    ["answer", "refused", "reason", "notice", "mode", "city", "scope", "silent", "citations", "conclusion"].forEach(function (k) { keep[k] = answer[k]; });
    keep.retrieved = (answer.retrieved || []).slice(0, 5).map(function (r) {
      return { id: r.id, city: r.city, city_name: r.city_name, document: r.document, citation: r.citation, url: r.url };
    });
    return keep;
  }

  function earlierQuestions() {
    // The conversation since 地区 was last changed: choosing another 地区 starts afresh there (the questions
    // asked for the one before stay on screen, but are no context: 「常务会多久开一次」 after a 大同 question,
    // asked with 朝阳 now chosen, is about 朝阳).
    const now = citySelect.value;
    let start = state.turns.length;
    while (start > 0 && (state.turns[start - 1].city || "") === now) start--;
    return state.turns.slice(start).map(function (t) { return t.question.slice(0, MAX_HISTORY_CHARS); }).slice(-MAX_HISTORY);
  }

  // ---------- citations ----------

  function sourceLabel(c) {
    // 《文件》第N条, with the city in front when the title does not name it (大同市《市政府常务会议工作规则》第十四条).
    // … and the paragraph or item the question named (第三十三条第二款), when the quote is one
    return (c.document.indexOf(c.city_name) >= 0 ? c.citation : c.city_name + c.citation) + (c.part || "");
  }

  function grouped(citations) {
    // One entry per article, in order of first citation, with all its quotes.
    const byId = {}, out = [];
    (citations || []).forEach(function (c) {
      if (!byId[c.id]) { byId[c.id] = { c: c, quotes: [] }; out.push(byId[c.id]); }
      if (c.quote && byId[c.id].quotes.indexOf(c.quote) < 0) byId[c.id].quotes.push(c.quote);
    });
    return out;
  }

  function cardId(turn, articleId) {
    return "c-" + turn.id + "-" + articleId;
  }

  function linkedText(text, marks) {
    // The text with each 《文件》第N条 in `marks` ({text, href, id?, external}) turned into a link.
    const frag = document.createDocumentFragment();
    let at = 0;
    while (at < text.length) {
      let best = null, where = -1;
      marks.forEach(function (m) {
        const i = text.indexOf(m.text, at);
        if (i >= 0 && (where < 0 || i < where || (i === where && m.text.length > best.text.length))) { best = m; where = i; }
      });
      if (!best) break;
      frag.appendChild(document.createTextNode(text.slice(at, where)));
      const a = el("a", "cite", best.text);
      a.href = best.href;
      if (best.external) { a.target = "_blank"; a.rel = "noopener"; a.title = "在规则文件中查看（新标签页）"; }
      else { a.title = "查看依据条文"; a.addEventListener("click", function (e) { e.preventDefault(); showCard(best.id); }); }
      frag.appendChild(a);
      at = where + best.text.length;
    }
    frag.appendChild(document.createTextNode(text.slice(at)));
    return frag;
  }

  function cardMarks(turn) {
    return grouped(turn.answer.citations).map(function (g) {
      return { text: g.c.citation, href: "#" + cardId(turn, g.c.id), id: cardId(turn, g.c.id) };
    });
  }

  function retrievedMarks(answer) {
    return (answer.retrieved || []).map(function (r) {
      return { text: r.citation, href: safeUrl(r.url, r.id), external: true };
    });
  }

  function showCard(id) {
    const card = $(id);
    if (!card) return;
    const sources = card.closest(".sources");
    if (sources) sources.classList.remove("closed");
    card.scrollIntoView({ behavior: "smooth", block: "center" });
    card.focus({ preventScroll: true });
    card.classList.remove("flash");
    void card.offsetWidth; // restart the animation
    card.classList.add("flash");
  }

  // ---------- rendering ----------

  function highlighted(text, quotes) {
    // The article text: quoted spans in <mark>, the rest in .ctx (hidden while the card is brief), gaps as ……
    const ranges = [];
    quotes.forEach(function (q) {
      const i = text.indexOf(q);
      if (i >= 0) ranges.push([i, i + q.length]);
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    const frag = document.createDocumentFragment();
    let at = 0;
    function context(end) {
      if (end <= at) return;
      const part = text.slice(at, end);
      if (!part.trim()) { frag.appendChild(document.createTextNode(part)); return; } // a line break between quotes
      frag.appendChild(el("span", "ctx", part));
      frag.appendChild(el("span", "gap", "……"));
    }
    ranges.forEach(function (r) {
      if (r[0] < at) { if (r[1] > at) { frag.lastChild.textContent += text.slice(at, r[1]); at = r[1]; } return; }
      context(r[0]);
      frag.appendChild(el("mark", "", text.slice(r[0], r[1])));
      at = r[1];
    });
    context(text.length);
    return { frag: frag, partial: ranges.length > 0 && frag.querySelector(".ctx") !== null };
  }

  function statusBadge(status) {
    const ok = status === IN_FORCE;
    return el("span", "badge " + (ok ? "ok" : "warn"), status || "效力未注明");
  }

  function card(turn, g) {
    const c = g.c;
    const box = el("article", "card");
    box.id = cardId(turn, c.id);
    box.tabIndex = -1;
    const head = el("div", "card-head");
    const title = el("a", "card-title", sourceLabel(c));
    title.href = safeUrl(c.url, c.id);
    title.target = "_blank";
    title.rel = "noopener";
    title.title = "在规则文件中查看（新标签页）";
    head.appendChild(title);
    head.appendChild(statusBadge(c.status));
    box.appendChild(head);
    const meta = [c.chapter && c.chapter.label, c.document_number, c.issued && "印发日期 " + c.issued].filter(Boolean);
    box.appendChild(el("p", "card-meta", meta.join(" · ")));
    const h = highlighted(c.text || g.quotes.join("\n"), g.quotes);
    const body = el("div", "article-text");
    body.appendChild(h.frag);
    box.appendChild(body);
    if (h.partial) {
      const brief = isPhone() || (c.text || "").length > 360;
      body.classList.toggle("brief", brief);
      const toggle = button("link-btn", brief ? "展开全文" : "只看引文", function () {
        const now = body.classList.toggle("brief");
        toggle.textContent = now ? "展开全文" : "只看引文";
      });
      toggle.classList.add("toggle-full");
      box.appendChild(toggle);
    }
    return box;
  }

  function sources(turn) {
    const groups = grouped(turn.answer.citations);
    const wrap = el("section", "sources");
    const head = button("sources-head", "依据条文（" + groups.length + "）", function () {
      wrap.classList.toggle("closed");
      head.setAttribute("aria-expanded", String(!wrap.classList.contains("closed")));
    });
    if (isPhone() && isComparison(turn.answer)) wrap.classList.add("closed"); // the table already quotes them
    head.setAttribute("aria-expanded", String(!wrap.classList.contains("closed")));
    wrap.appendChild(head);
    const list = el("div", "cards");
    groups.forEach(function (g) { list.appendChild(card(turn, g)); });
    wrap.appendChild(list);
    return wrap;
  }

  function comparison(turn) {
    // 地区 | 规定（原文） | 出处: one row per city in scope; a city whose rules are silent says so.
    const answer = turn.answer;
    const table = el("table", "compare");
    const head = el("tr");
    ["地区", "规定（条文原文）", "出处"].forEach(function (t) { head.appendChild(el("th", "", t)); });
    const thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    const tbody = el("tbody");
    answer.scope.forEach(function (slug) {
      const mine = (answer.citations || []).filter(function (c) { return c.city === slug; });
      const row = el("tr");
      row.setAttribute("data-city", slug);
      row.appendChild(el("th", "city", cityNames[slug] || (mine[0] && mine[0].city_name) || slug));
      const said = el("td", "said");
      const where = el("td", "where");
      said.setAttribute("data-label", "规定");
      where.setAttribute("data-label", "出处");
      if (!mine.length) {
        // what is said of a place whose rules give no quote (or only what they say instead of the asked quantity)
        const silent = (answer.silent && answer.silent[slug]) || "现行工作规则中未找到对此的规定。";
        said.appendChild(el("span", "silent", silent));
        where.textContent = "—";
      }
      mine.forEach(function (c) { said.appendChild(el("q", "", c.quote)); });
      grouped(mine).forEach(function (g) {
        const a = el("a", "cite", sourceLabel(g.c));
        a.href = "#" + cardId(turn, g.c.id);
        a.addEventListener("click", function (e) { e.preventDefault(); showCard(cardId(turn, g.c.id)); });
        const line = el("span", "where-line");
        line.appendChild(a);
        if (g.c.document_number) line.appendChild(el("span", "docno", g.c.document_number));
        where.appendChild(line);
      });
      row.appendChild(said);
      row.appendChild(where);
      tbody.appendChild(row);
    });
    table.appendChild(tbody);
    const scroll = el("div", "compare-wrap");
    scroll.appendChild(table);
    return scroll;
  }

  function isComparison(answer) {
    // a documents' record (文号, 印发日期) compared across places is said line by line: there is no clause to quote
    return !answer.refused && answer.reason !== "document_facts" && Array.isArray(answer.scope) && answer.scope.length > 1;
  }

  // A refusal's heading by its reason: not every refusal is a search that found nothing.
  const REFUSAL_TITLES = {
    needs_context: "请把问题问完整",
    not_chinese: "请用中文提问",
    unknown_city: "知识库中没有该地区",
    no_such_article: "没有这一条",
    article_silent: "所问的条文没有这项规定",
    small_talk: "关于本助手",
  };

  function answerBody(turn) {
    const answer = turn.answer;
    const body = el("div", "answer-text");
    if (answer.refused) {
      body.appendChild(el("p", "refusal-title", REFUSAL_TITLES[answer.reason] || "未找到依据"));
      const p = el("p");
      p.appendChild(linkedText(answer.answer, retrievedMarks(answer)));
      body.appendChild(p);
      return body;
    }
    if (isComparison(answer)) {
      body.appendChild(el("p", "compare-lead", "各地规定对照（逐字引用条文）："));
      body.appendChild(comparison(turn));
      if (answer.conclusion) body.appendChild(el("p", "compare-conclusion", answer.conclusion));
      if (answer.mode === "llm") body.appendChild(el("p", "", answer.answer));
      return body;
    }
    const p = el("p");
    p.appendChild(linkedText(answer.answer, cardMarks(turn)));
    body.appendChild(p);
    return body;
  }

  function notice(answer) {
    if (answer.notice) return el("p", "notice", "提示：" + answer.notice);
    if (answer.mode === "llm" && !answer.refused) return el("p", "notice subtle", "回答由大模型依据条文撰写，引文已逐字核验。");
    return null;
  }

  function renderAnswer(turn, bubble) {
    bubble.textContent = "";
    // small talk (「你是谁」) is answered plainly: no refusal's amber card and warning sign
    const talk = turn.answer.reason === "small_talk";
    bubble.className = "bubble bot" + (turn.answer.refused && !talk ? " refused" : "") + (talk ? " about" : "") + (isComparison(turn.answer) ? " wide" : "");
    bubble.appendChild(answerBody(turn));
    const n = notice(turn.answer);
    if (n) bubble.appendChild(n);
    if ((turn.answer.citations || []).length) bubble.appendChild(sources(turn));
    bubble.appendChild(actions(turn));
  }

  function questionBubble(turn) {
    const wrap = el("div", "bubble user");
    wrap.appendChild(el("p", "question-text", turn.question));
    const meta = [turn.city ? "地区：" + (cityNames[turn.city] || turn.city) : "", turn.at ? clock(turn.at) : ""].filter(Boolean);
    if (meta.length) wrap.appendChild(el("p", "turn-meta", meta.join(" · ")));
    return wrap;
  }

  function clock(ms) {
    const d = new Date(ms), now = new Date();
    const pad = function (n) { return (n < 10 ? "0" : "") + n; };
    const hm = pad(d.getHours()) + ":" + pad(d.getMinutes());
    return d.toDateString() === now.toDateString() ? hm : (d.getMonth() + 1) + "月" + d.getDate() + "日 " + hm;
  }

  function turnElement(turn) {
    const section = el("section", "turn");
    section.id = "t-" + turn.id;
    section.appendChild(questionBubble(turn));
    const bubble = el("div", "bubble bot");
    section.appendChild(bubble);
    if (turn.answer) renderAnswer(turn, bubble);
    return section;
  }

  function renderAll() {
    Array.prototype.slice.call(log.querySelectorAll(".turn")).forEach(function (t) { t.remove(); });
    state.turns.forEach(function (t) { log.appendChild(turnElement(t)); });
    citySelect.value = cityNames[state.city] ? state.city : "";
    showEmpty();
  }

  function showEmpty() {
    const none = !state.turns.length && !pending;
    empty.hidden = !none;
    document.body.classList.toggle("has-turns", !none);
    if (none) renderExamples();
  }

  function renderExamples() {
    const list = $("examples");
    list.textContent = "";
    const city = data.cities.filter(function (c) { return c.slug === citySelect.value; })[0];
    const examples = (city && city.examples.length ? city.examples : data.examples) || [];
    examples.forEach(function (q) {
      const chip = button("chip", q, function () { box.value = q; submit(); });
      chip.setAttribute("role", "listitem");
      list.appendChild(chip);
    });
  }

  function renderLibrary() {
    // 收录文件: each city's documents with number, date and status (each opens in the rules pages).
    const lib = $("library");
    data.cities.forEach(function (c) {
      const row = el("div", "lib-city");
      row.appendChild(el("span", "lib-name", c.name));
      const docs = el("ul", "lib-docs");
      c.documents.forEach(function (d) {
        const li = el("li");
        const title = el("a", "lib-title", "《" + d.title + "》");
        title.href = d.slug ? "/rules/doc/" + encodeURIComponent(c.slug) + "/" + encodeURIComponent(d.slug) : "/rules";
        title.target = "_blank";
        title.rel = "noopener";
        li.appendChild(title);
        li.appendChild(el("span", "lib-meta", [d.number, d.issued].filter(Boolean).join(" · ")));
        li.appendChild(statusBadge(d.status));
        docs.appendChild(li);
      });
      row.appendChild(docs);
      lib.appendChild(row);
    });
  }

  // ---------- per-answer actions: 赞 / 踩 / 复制 / 打印 ----------

  function actions(turn) {
    const bar = el("div", "actions");
    const up = button("act vote-up", "赞", function () { vote(turn, true, bar); }, "回答有用");
    const down = button("act vote-down", "踩", function () { vote(turn, false, bar); }, "回答有误或没有帮助");
    up.insertBefore(icon("up"), up.firstChild);
    down.insertBefore(icon("down"), down.firstChild);
    up.setAttribute("aria-pressed", String(turn.vote === "up"));
    down.setAttribute("aria-pressed", String(turn.vote === "down"));
    bar.appendChild(up);
    bar.appendChild(down);
    bar.appendChild(button("act copy", "复制", function (e) { copy(turn, e.currentTarget); }, "复制回答和出处（纯文本）"));
    bar.appendChild(button("act print", "打印", function () { printTurn(turn); }, "打印这条回答及其依据条文"));
    const done = el("span", "vote-note");
    if (turn.comment) done.textContent = "已收到您的意见，谢谢。";
    bar.appendChild(done);
    return bar;
  }

  function feedbackBody(turn, liked, comment) {
    const a = turn.answer;
    return {
      question: turn.question.slice(0, 2000),
      city: a.city || turn.city || null,
      liked: liked,
      comment: comment || "",
      answer_id: turn.id,
      answer: {
        answer: a.answer,
        refused: !!a.refused,
        citations: (a.citations || []).map(function (c) { return { id: c.id, quote: c.quote }; }),
      },
    };
  }

  function postFeedback(body) {
    return fetch("/api/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    }).then(function (r) {
      if (r.ok) return r.json();
      return errorMessage(r).then(function (m) { throw new Error(m); });
    }, function () { throw new Error(LOST); });
  }

  function vote(turn, liked, bar) {
    postFeedback(feedbackBody(turn, liked, "")).then(function () {
      turn.vote = liked ? "up" : "down";
      save();
      bar.querySelector(".vote-up").setAttribute("aria-pressed", String(liked));
      bar.querySelector(".vote-down").setAttribute("aria-pressed", String(!liked));
      bar.querySelector(".vote-note").textContent = "已记录，谢谢。";
      commentForm(turn, liked, bar);
    }, function (e) { say("反馈未能提交：" + e.message, "error"); });
  }

  function commentForm(turn, liked, bar) {
    const old = bar.parentNode.querySelector(".comment");
    if (old) old.remove();
    const form = el("form", "comment");
    const text = el("textarea");
    text.rows = 2;
    text.maxLength = 2000;
    text.placeholder = liked ? "补充意见（可选）" : "哪里不对或缺了什么？（可选）";
    text.setAttribute("aria-label", "对这条回答的意见");
    const submitBtn = el("button", "primary small", "提交意见");
    submitBtn.type = "submit";
    const cancel = button("plain small", "不用了", function () { form.remove(); });
    form.appendChild(text);
    const row = el("div", "comment-buttons");
    row.appendChild(submitBtn);
    row.appendChild(cancel);
    form.appendChild(row);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      const comment = text.value.trim();
      if (!comment) { form.remove(); return; }
      submitBtn.disabled = true;
      postFeedback(feedbackBody(turn, liked, comment)).then(function () {
        turn.comment = comment;
        save();
        form.remove();
        bar.querySelector(".vote-note").textContent = "已收到您的意见，谢谢。";
      }, function (err) { submitBtn.disabled = false; say("意见未能提交：" + err.message, "error"); });
    });
    bar.insertAdjacentElement("afterend", form);
    if (!isPhone()) text.focus();
  }

  function plainText(turn) {
    // Answer plus each citation as 《文件》第N条（文号）and its quote: for pasting into a document.
    const a = turn.answer;
    const lines = ["问：" + turn.question, "答：" + a.answer];
    if (a.notice) lines.push("提示：" + a.notice);
    const groups = grouped(a.citations);
    if (groups.length) {
      lines.push("", "依据：");
      groups.forEach(function (g, i) {
        const c = g.c;
        const extra = [c.document_number, c.issued && c.issued + "印发", c.status && c.status !== IN_FORCE ? c.status : ""].filter(Boolean);
        lines.push((i + 1) + ". " + sourceLabel(c) + (extra.length ? "（" + extra.join("，") + "）" : ""));
        g.quotes.forEach(function (q) { lines.push("   「" + q + "」"); });
      });
    }
    return lines.join("\n");
  }

  function copy(turn, btn) {
    const text = plainText(turn);
    const done = function () {
      btn.textContent = "已复制";
      setTimeout(function () { btn.textContent = "复制"; }, 1600);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { legacyCopy(text) && done(); });
    } else if (legacyCopy(text)) {
      done();
    }
  }

  function legacyCopy(text) {
    const t = el("textarea", "offscreen");
    t.value = text;
    document.body.appendChild(t);
    t.select();
    let ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    t.remove();
    if (!ok) say("无法访问剪贴板，请手动选择文字复制。", "error");
    return ok;
  }

  function printTurn(turn) {
    const section = $("t-" + turn.id);
    document.body.classList.add("print-one");
    section.classList.add("print-target");
    const undo = function () {
      document.body.classList.remove("print-one");
      section.classList.remove("print-target");
      window.removeEventListener("afterprint", undo);
    };
    window.addEventListener("afterprint", undo);
    window.print();
    setTimeout(undo, 1000); // browsers without afterprint
  }

  // ---------- asking ----------

  function say(message, kind, retry, label) {
    status.textContent = "";
    status.hidden = !message;
    status.className = "status" + (kind ? " " + kind : "");
    if (!message) return;
    status.appendChild(el("span", "status-text", message));
    if (retry) status.appendChild(button("plain small retry", label || "重试", retry));
    if (kind === "auth") {
      const a = el("a", "plain small", "登录");
      a.href = "/login";
      status.appendChild(a);
    }
  }

  function errorMessage(response) {
    return response.json().then(function (body) {
      return (body && body.error && body.error.message) || "请求失败（HTTP " + response.status + "）。";
    }, function () { return "请求失败（HTTP " + response.status + "）。"; });
  }

  function readEvents(response, onEvent) {
    // Server-sent events from a fetch body: "event: <kind>\ndata: <json>\n\n" blocks.
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    function block(text) {
      let kind = "message";
      const lines = [];
      text.split("\n").forEach(function (line) {
        if (line.indexOf("event:") === 0) kind = line.slice(6).trim();
        else if (line.indexOf("data:") === 0) lines.push(line.slice(5).replace(/^ /, ""));
      });
      if (lines.length) onEvent(kind, JSON.parse(lines.join("\n")));
    }
    function pump() {
      return reader.read().then(function (r) {
        buffer = (buffer + decoder.decode(r.value || new Uint8Array(), { stream: !r.done })).replace(/\r\n/g, "\n");
        const parts = buffer.split("\n\n");
        buffer = r.done ? "" : parts.pop();
        parts.forEach(function (p) { if (p.trim()) block(p); });
        if (!r.done) return pump();
      });
    }
    return pump();
  }

  function setBusy(on) {
    send.disabled = on;
    send.textContent = on ? "回答中…" : "提问";
    document.body.classList.toggle("busy", on);
  }

  function problem(message, status) {
    const e = new Error(message);
    e.status = status; // 0: no answer from the server at all
    return e;
  }

  function pendingTurn(question) {
    // The question's turn, shown at once with a placeholder where the answer will stream in.
    const turn = { id: Date.now().toString(36) + Math.random().toString(36).slice(2, 7), question: question, city: citySelect.value, at: Date.now(), answer: null };
    const section = turnElement(turn);
    const bubble = section.querySelector(".bubble.bot");
    bubble.classList.add("waiting");
    bubble.textContent = "正在检索条文…";
    log.appendChild(section);
    return { turn: turn, section: section, bubble: bubble };
  }

  function request(turn, signal) {
    const body = { question: turn.question, history: earlierQuestions() };
    if (turn.city) body.city = turn.city;
    return fetch("/api/ask/stream", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify(body),
      credentials: "same-origin",
      signal: signal,
    }).catch(function (e) {
      throw signal.aborted ? e : problem(LOST, 0);
    });
  }

  function submit() {
    const question = box.value.trim();
    if (pending) { say("请等上一个问题回答完。", "info"); return; }
    if (!question) {
      if (!status.querySelector(".retry")) say("请输入问题。", "info"); // keep a 撤销 or 重试 on offer
      box.focus();
      return;
    }
    const p = pendingTurn(question);
    const controller = new AbortController();
    pending = { controller: controller, question: question };
    log.setAttribute("aria-busy", "true"); // announced once, when the final answer is in
    showEmpty();
    say("");
    setBusy(true);
    box.value = "";
    autosize();
    p.section.scrollIntoView({ behavior: "smooth", block: "start" });
    request(p.turn, controller.signal).then(function (response) {
      if (!response.ok) return errorMessage(response).then(function (m) { throw problem(m, response.status); });
      return stream(response, p.turn, p.bubble);
    }).then(function () {
      if (!p.turn.answer) throw problem(LOST, 0); // the stream ended early
      state.turns.push(p.turn);
      save();
      finish(p.section);
    }).catch(function (e) {
      if (!controller.signal.aborted) fail(p.section, question, e); // aborted: cleared meanwhile
    }).then(function () {
      if (pending && pending.controller === controller) { pending = null; setBusy(false); showEmpty(); }
      log.setAttribute("aria-busy", "false");
    });
  }

  function stream(response, turn, bubble) {
    let shown = "";
    return readEvents(response, function (kind, payload) {
      if (kind === "delta") {
        shown += payload.text || "";
        bubble.classList.remove("waiting");
        bubble.classList.add("streaming");
        bubble.textContent = shown;
      } else if (kind === "reset") {
        shown = "";
        bubble.textContent = "";
      } else if (kind === "answer") {
        turn.answer = stored(payload);
        renderAnswer(turn, bubble);
      } else if (kind === "error") {
        throw problem(payload.message || "回答失败，请稍后重试。", 500);
      }
    });
  }

  function finish(section) {
    if (!window.matchMedia("(pointer: coarse)").matches) box.focus();
    const rect = section.getBoundingClientRect();
    if (rect.top < 0 || rect.top > window.innerHeight * 0.6) section.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  function fail(section, question, e) {
    // The turn goes, the question comes back to the box, the reason shows above it.
    section.remove();
    if (!box.value.trim()) { box.value = question; autosize(); }
    const code = e.status || 0; // no status: the connection broke, or the reply was not readable
    if (!code) say(LOST, "error", submit);
    else if (code === 401) say(e.message, "auth");
    else say(e.message, "error", code === 429 || code >= 500 ? submit : null);
  }

  function clearConversation() {
    if (pending) { pending.controller.abort(); pending = null; setBusy(false); }
    const cleared = state.turns;
    state.turns = [];
    save();
    renderAll();
    // One click clears (and forgets the follow-up context); until the next question, 撤销 brings it back.
    say("对话已清空，接下来的问题不再当作追问。", "info", cleared.length ? function () {
      if (state.turns.length) return;
      state.turns = cleared;
      save();
      renderAll();
      say("已恢复清空前的对话。", "info");
    } : null, "撤销");
    window.scrollTo(0, 0);
    box.focus();
  }

  function autosize() {
    box.style.height = "";
    if (box.value) box.style.height = Math.min(box.scrollHeight + 2, 200) + "px";
  }

  // ---------- start ----------

  function fillCities() {
    data.cities.forEach(function (c) {
      const o = el("option", "", c.name);
      o.value = c.slug;
      citySelect.appendChild(o);
    });
  }

  function fromLink() {
    // /?q=…&city=… (the rules pages' 就此条提问): the question is put in the box, not asked.
    const params = new URLSearchParams(location.search);
    const q = params.get("q"), city = params.get("city");
    if (city && cityNames[city]) { state.city = city; citySelect.value = city; save(); }
    if (q) { box.value = q.slice(0, 2000); autosize(); }
    if (q || city) history.replaceState(null, "", location.pathname);
  }

  function start() {
    fillCities();
    renderLibrary();
    renderAll();
    fromLink();
    box.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing && e.keyCode !== 229) { e.preventDefault(); submit(); }
    });
    box.addEventListener("input", function () { autosize(); if (status.classList.contains("info")) say(""); });
    $("ask").addEventListener("submit", function (e) { e.preventDefault(); submit(); });
    $("clear").addEventListener("click", clearConversation);
    citySelect.addEventListener("change", function () { state.city = citySelect.value; save(); showEmpty(); });
    window.addEventListener("beforeprint", function () {
      $("print-stamp").textContent = "打印于 " + new Date().toLocaleString("zh-CN") + " · 条文以正式文件为准";
    });
    window.addEventListener("storage", function (e) {
      if (e.key === KEY && !pending) { state = load(); renderAll(); }
    });
    const turns = log.querySelectorAll(".turn");
    if (turns.length) turns[turns.length - 1].scrollIntoView({ block: "start" });
    window.deskPlainText = function (i) { return plainText(state.turns[i]); }; // for tests and the console
  }

  start();
})();
