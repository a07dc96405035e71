"""The HTML report's stylesheet: inline, system CJK fonts, laptop first, readable on a phone, printable."""

from __future__ import annotations

CSS = """
:root{--fg:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#f8fafc;--up:#15803d;--down:#b91c1c;--accent:#1d4ed8}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);line-height:1.55;font-size:15px;
font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",
"Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
main{max-width:1180px;margin:0 auto;padding:20px 24px 48px}
h1{font-size:24px;margin:0}
h2{font-size:19px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:16px;margin:18px 0 8px}
h4{font-size:13px;color:var(--muted);margin:10px 0 4px;font-weight:600}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.86em}
.meta,.note,.none{color:var(--muted)}
.warn{color:#92400e}
header .meta{margin:4px 0 0}
.verdict{margin:16px 0;padding:14px 18px;border-radius:10px;border:1px solid;background:#fff}
.verdict h2{margin:0 0 6px;border:0;padding:0;font-size:21px}
.verdict ul{margin:4px 0 0;padding-left:20px}
.verdict.pass{border-color:#86efac;background:#f0fdf4}.verdict.pass h2{color:var(--up)}
.verdict.fail{border-color:#fca5a5;background:#fef2f2}.verdict.fail h2{color:var(--down)}
.verdict.none{border-color:var(--line)}.verdict.none h2{color:var(--muted)}
.verdict a{color:inherit}.verdict li.up{color:var(--up)}
.headline{display:grid;grid-template-columns:repeat(auto-fill,minmax(132px,1fr));gap:10px;margin:12px 0}
.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:10px 12px;display:flex;flex-direction:column}
.card .k{font-size:13px;color:var(--muted)}
.card .v{font-size:26px;font-weight:650;font-variant-numeric:tabular-nums}
.card small{color:var(--muted);font-size:12px}
.card code{color:#9ca3af;font-size:11px;margin-top:auto}
.card .d{font-size:14px;font-weight:600}
.d{display:block;font-size:11px;font-variant-numeric:tabular-nums;white-space:nowrap}
.d.better{color:var(--up)}.d.worse{color:var(--down);font-weight:600}.d.same,.d.moved{color:var(--muted)}
.d.rise::before{content:"▲ "}.d.fall::before{content:"▼ "}
figure{margin:8px 0 12px;background:#fff;border:1px solid var(--line);border-radius:10px;padding:10px 12px}
figcaption{font-weight:600;font-size:14px}
.legend{margin:6px 0;font-size:12px;color:var(--muted);display:flex;flex-wrap:wrap;gap:4px 14px}
.legend i{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:4px;vertical-align:-1px}
.legend i.tick-key{height:3px;width:14px;background:#111827;vertical-align:3px}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
svg.chart{display:block;max-width:100%;height:auto;font-family:inherit}svg.narrow{display:none}
svg .grid{stroke:#eef0f3}svg .axis{stroke:#9ca3af}
svg .tick{font-size:11px;fill:var(--muted)}svg .group{font-size:13px;fill:var(--fg)}
svg .val{font-size:10px;fill:#374151}svg .val.up{fill:var(--up);font-weight:700}svg .val.down{fill:var(--down);font-weight:700}
svg .base{stroke:#111827;stroke-width:2.5}
table{border-collapse:collapse;background:#fff;font-size:13px;font-variant-numeric:tabular-nums}
table.metrics{width:100%;min-width:860px}
table.metrics .d.same{display:none}
table.metrics tbody th,table.metrics thead th:first-child{position:sticky;left:0;background:#fff;z-index:1}
table.metrics tr.total th{background:#f9fafb}
th,td{border-bottom:1px solid var(--line);padding:5px 7px;text-align:right;vertical-align:top}
thead th{font-size:12px;color:var(--muted);font-weight:600;white-space:nowrap}
tbody th{text-align:left;white-space:nowrap;font-weight:500}
tr.total th,tr.total td{font-weight:650;background:#f9fafb}
table.causes td:first-child,table.causes th:first-child{text-align:left}
.n{text-align:right}
details{margin:6px 0}
summary{cursor:pointer;font-weight:600;padding:4px 0}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:16px}
h3.down{color:var(--down)}h3.up{color:var(--up)}
.qlist{padding-left:18px;margin:4px 0}.qlist li{margin:3px 0}
.cause{display:inline-block;font-size:12px;color:#92400e;background:#fef3c7;border-radius:4px;padding:0 6px;margin-left:6px}
.q{background:#fff;border:1px solid var(--line);border-radius:10px;padding:10px 14px;margin:10px 0}
.q.is-new{border-left:4px solid var(--down)}
.q header{display:flex;flex-wrap:wrap;gap:4px 8px;align-items:baseline}
.q header .meta{font-size:13px}
.badge{font-size:12px;border-radius:4px;padding:0 6px;color:#fff}.badge.new{background:var(--down)}
.ask{font-size:16px;font-weight:600;margin:6px 0}
.hist{margin:6px 0;padding-left:22px;color:var(--muted)}.hist li.last{color:var(--fg);font-weight:600;font-size:16px}
.resolved{margin:0 0 6px;font-size:13px;color:var(--muted)}
.facts{margin:4px 0;font-size:13px}.facts span{margin-right:10px}
.ok{color:var(--up)}.miss{color:var(--down)}
.cmp{display:grid;grid-template-columns:1fr 1fr;gap:14px}
.arts{list-style:none;margin:0;padding:0}
.arts li{margin:4px 0;padding:6px 8px;border-radius:6px;background:#f9fafb;color:var(--fg);font-size:13px}
.arts li.ok{box-shadow:inset 3px 0 0 var(--up)}.arts li.miss{box-shadow:inset 3px 0 0 var(--down)}
.arts .mk{font-weight:700;margin-right:4px}.arts li.ok .mk{color:var(--up)}.arts li.miss .mk{color:var(--down)}
.arts .alt{display:block;color:var(--muted);font-size:12px}
.ex{display:block;color:#4b5563;margin-top:2px;quotes:"「" "」"}
mark{background:#fef08a;color:inherit;padding:0 1px}
.answer{margin:4px 0;padding:6px 10px;border-left:3px solid #cbd5e1;background:#f8fafc;white-space:pre-wrap;font-size:14px}
.answer.refused{border-left-color:#f59e0b}
.ret{font-size:12px;color:var(--muted);margin:6px 0 0;word-break:break-all}
@media (max-width:700px){
 main{padding:12px 12px 32px}body{font-size:14px}
 .cols,.cmp{grid-template-columns:1fr}
 .headline{grid-template-columns:repeat(3,1fr);gap:6px}
 .card{padding:6px 8px}.card .k{font-size:12px}.card .v{font-size:20px}.card .d{font-size:13px}.card code{display:none}
 .verdict h2{font-size:18px}.verdict code{display:none}
 svg.wide{display:none}svg.narrow{display:block;width:100%}
}
@media print{
 body{background:#fff;font-size:11pt}main{max-width:none;padding:0}
 .scroll{overflow:visible}svg.wide{display:block}svg.narrow{display:none}
 table.metrics{min-width:0;font-size:7pt}table.metrics th,table.metrics td{padding:2px 3px}
 table.metrics thead th{white-space:normal}table.metrics tbody th{position:static}
 table.metrics .d::before{content:none}
 details::details-content{content-visibility:visible;display:block}
 .q,figure,.verdict,tr{break-inside:avoid}
}
"""
