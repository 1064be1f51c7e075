#include "sim/drill/ConsolePages.hpp"

namespace hg {

namespace {

// Shared style and helpers: token from the URL fragment, zh/en labels, polling.
const char* kHead = R"HTML(<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:"Noto Sans CJK SC","Noto Sans",sans-serif;margin:0;background:#f4f5f7;color:#1d2430}
header{background:#1f3a5f;color:#fff;padding:8px 14px;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
header h1{font-size:18px;margin:0}
#clock{font-family:monospace;font-size:15px;background:#0003;padding:3px 8px;border-radius:4px}
main{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:10px;padding:10px}
section{background:#fff;border-radius:6px;padding:8px 12px;box-shadow:0 1px 3px #0002;overflow:auto;max-height:520px}
h2{font-size:15px;margin:4px 0 8px;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #eee;padding:3px 5px;text-align:left;vertical-align:top}
.inject{background:#fff3cd}.err{color:#b00020}.ok{color:#1b7f3b}
label{display:block;font-size:13px;margin:4px 0}input,select,textarea{font-size:13px;margin-left:4px}
button{font-size:13px;padding:4px 10px;margin:2px;cursor:pointer}
.state-idle{color:#555}.state-en_route{color:#b36b00}.state-on_scene{color:#1b7f3b}.state-returning{color:#36c}
small{color:#666}
</style>
<script>
const TOKEN=new URLSearchParams(location.hash.slice(1)).get('token')||'';
let LANG=localStorage.getItem('hg_lang')||'zh';
const T=(zh,en)=>LANG==='zh'?zh:en;
const nm=o=>o?(LANG==='zh'?(o.zh||o.en||o.id):(o.en||o.zh||o.id)):'';
const esc=s=>String(s??'').replace(/[&<>"']/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c]));
const hours=s=>(s/3600).toFixed(2)+' h';
async function api(method,path,body){
  const r=await fetch(path,{method,headers:{'Authorization':'Bearer '+TOKEN,'Content-Type':'application/json'},
    body:body===undefined?undefined:JSON.stringify(body)});
  let j={};try{j=await r.json();}catch(e){}
  return {status:r.status,json:j};
}
function setLang(l){LANG=l;localStorage.setItem('hg_lang',l);render&&render(true);}
function clockText(c){
  const st=c.ended?T('已结束','ended'):c.paused?T('暂停','paused'):T('运行 ×','running ×')+c.pace;
  return esc(c.now)+'  T+'+hours(c.t_s)+' / '+hours(c.end_s)+'  ['+st+']';
}
// One line for a message: readings and common reports in words, anything else as its fields.
function summary(m){
  const b=m.body||{};
  if(b.quantity!==undefined)return esc(b.quantity)+' · '+esc(b.subject)+' = '+(typeof b.value==='number'?b.value.toFixed(2):esc(b.value))+' ('+T('观测于 ','observed ')+hours(m.observed_t||0)+')';
  if(b.do!==undefined)return T('命令 ','order ')+esc(b.do)+' '+esc(JSON.stringify(Object.fromEntries(Object.entries(b).filter(([k])=>k!=='do'&&k!=='units'))));
  if(b.about!==undefined)return esc(b.about)+': '+esc(Object.entries(b).filter(([k])=>k!=='about').map(([k,v])=>k+'='+(typeof v==='object'?JSON.stringify(v):v)).join(', '));
  return esc(JSON.stringify(b));
}
function mapSvg(map,units,beliefs){
  const pts=[];
  (map.roads||[]).forEach(r=>{pts.push(r.a,r.b)});(map.zones||[]).forEach(z=>pts.push(z.at));
  (map.facilities||[]).forEach(f=>pts.push(f.at));(units||[]).forEach(u=>u.at&&pts.push(u.at));
  if(!pts.length)return '<small>'+T('无可见图层','no map layer')+'</small>';
  let x0=1e9,x1=-1e9,y0=1e9,y1=-1e9;pts.forEach(p=>{x0=Math.min(x0,p[0]);x1=Math.max(x1,p[0]);y0=Math.min(y0,p[1]);y1=Math.max(y1,p[1]);});
  const W=460,H=340,sx=W/Math.max(1e-6,x1-x0),sy=H/Math.max(1e-6,y1-y0),s=Math.min(sx,sy)*0.95;
  const X=p=>((p[0]-x0)*s+8).toFixed(1),Y=p=>(H-(p[1]-y0)*s+8).toFixed(1);
  const closed=new Set((beliefs&&beliefs.closed_roads)||[]);const zb=(beliefs&&beliefs.zones)||{};
  let g='<svg id="map" viewBox="0 0 '+(W+16)+' '+(H+16)+'" style="width:100%;max-width:'+(W+16)+'px;background:#eef2f5">';
  (map.roads||[]).forEach(r=>{g+='<line x1="'+X(r.a)+'" y1="'+Y(r.a)+'" x2="'+X(r.b)+'" y2="'+Y(r.b)+'" stroke="'+(closed.has(r.id)?'#d00':'#aab')+'" stroke-width="'+(closed.has(r.id)?2:1)+'"/>';});
  (map.zones||[]).forEach(z=>{const b=zb[z.id]||{};const c=b.reached?'#3a7bd5':b.evacuation_ordered?'#f0a500':'#9c9';
    g+='<circle cx="'+X(z.at)+'" cy="'+Y(z.at)+'" r="6" fill="'+c+'" opacity=".8"><title>'+esc(nm(z))+'</title></circle>';});
  (map.facilities||[]).forEach(f=>{g+='<rect x="'+(X(f.at)-2.5)+'" y="'+(Y(f.at)-2.5)+'" width="5" height="5" fill="#777"><title>'+esc(nm(f))+' ('+esc(f.kind)+')</title></rect>';});
  (units||[]).forEach(u=>{if(u.at)g+='<path d="M'+X(u.at)+' '+(Y(u.at)-7)+' l6 11 h-12z" fill="#c0392b"><title>'+esc(nm(u))+' '+esc(u.state)+'</title></path>';});
  return g+'</svg><br><small>'+T('● 区域(绿=正常 橙=已令疏散 蓝=受淹) ■ 设施 ▲ 本组队伍 红线=已知封闭道路','● zones (green ok, orange evacuation ordered, blue reached) ■ facilities ▲ own units, red = roads known closed')+'</small>';
}
</script>
)HTML";

const char* kTeamBody = R"HTML(<title>hgdrill team console / 推演小组</title></head><body>
<header><h1 id="title">…</h1><span id="clock">…</span>
<span><button onclick="setLang('zh')">中文</button><button onclick="setLang('en')">English</button></span></header>
<main>
<section><h2 id="h-order"></h2><form id="order-form" onsubmit="sendOrder(event)">
<label><span id="l-verb"></span><select id="verb" onchange="fields()"></select></label><div id="fields"></div>
<button id="submit" type="submit"></button></form><div id="order-result"></div></section>
<section><h2 id="h-inbox"></h2><table id="inbox"></table></section>
<section><h2 id="h-units"></h2><table id="units"></table></section>
<section><h2 id="h-map"></h2><div id="mapbox"></div></section>
<section><h2 id="h-orders"></h2><table id="orders"></table></section>
<section><h2 id="h-beliefs"></h2><div id="beliefs"></div></section>
</main>
<script>
let V=null,lastVerbs='';
const VERBS={dispatch:['派遣队伍','Dispatch units'],evacuate:['组织疏散','Evacuate'],warn:['发布预警','Warn the public'],
 close_road:['封闭道路','Close a road'],reopen_road:['恢复通行','Reopen a road'],open_shelter:['开放避难场所','Open a shelter'],
 open_depot:['开放物资库','Open a depot'],deliver_relief:['调运救灾物资','Deliver relief'],report:['上报','Report'],
 request_support:['请求支援','Request support'],set_level:['启动响应级别','Set response level'],shelter_in_place:['就地避险','Shelter in place']};
function opts(list,multi,id){return '<select id="'+id+'"'+(multi?' multiple size="5"':'')+'>'+list.map(o=>'<option value="'+esc(o.id)+'">'+esc(nm(o))+' ('+esc(o.id)+')</option>').join('')+'</select>';}
const L=a=>a.map(x=>({id:x,zh:x,en:x}));
function fields(){
  const v=document.getElementById('verb').value,f=V.form,z=f.zones;let h='';
  const row=(zh,en,inner)=>'<label>'+T(zh,en)+inner+'</label>';
  if(v==='dispatch'){h+=row('能力','capability',opts(L(f.capabilities),false,'a-capability'))+row('数量','count','<input id="a-count" type="number" min="1" value="1">')
    +row('目标(地点或 incident)','target (place id or incident)','<input id="a-target" value="incident">')
    +row('任务','task',opts(L(['respond','rescue','evacuate','sandbag','pump','relief']),false,'a-task'))+row('时长(小时)','duration (h)','<input id="a-duration_h" type="number" step="0.5" value="2">');}
  else if(v==='evacuate'){h+=row('区域','zones',opts(z,true,'a-zones'))+row('避难场所','shelter',opts(f.shelters,false,'a-shelter'));}
  else if(v==='warn'){h+=row('渠道','channels',opts(f.warning_channels,true,'a-channels'))+row('区域','zones',opts([{id:'all_at_risk',zh:'全部受威胁区域',en:'all at risk'}].concat(z),true,'a-zones'))
    +row('级别','level',opts(L(['blue','yellow','orange','red']),false,'a-level'));}
  else if(v==='close_road'||v==='reopen_road'){h+=row('道路编号','road id','<input id="a-road">');}
  else if(v==='open_shelter'){h+=row('避难场所','shelter',opts(f.shelters,false,'a-facility'));}
  else if(v==='open_depot'){h+=row('物资库','depot',opts(f.depots,false,'a-facility'));}
  else if(v==='deliver_relief'){h+=row('区域','zones',opts([{id:'affected',zh:'全部受灾区域',en:'all affected'}].concat(z),true,'a-zones'))+row('物资库','depot',opts(f.depots,false,'a-depot'))+row('种类','kind',opts(L(['all','food_water','tents']),false,'a-kind'));}
  else if(v==='report'){h+=row('上报对象','to',opts(L(['city','province','national','county','district']),false,'a-to'));}
  else if(v==='request_support'){h+=row('能力','capability',opts(L(['flood_rescue','search_rescue','evacuation','hazmat','fire_suppression','forest_fire','medical','relief_delivery']),false,'a-capability'))+row('数量','count','<input id="a-count" type="number" min="1" value="1">')+row('来源','from',opts(L(['province','national']),false,'a-from'));}
  else if(v==='set_level'){h+=row('级别','level',opts(L(['IV','III','II','I','none']),false,'a-level'));}
  else if(v==='shelter_in_place'){h+=row('区域','zones',opts([{id:'all_at_risk',zh:'全部受威胁区域',en:'all at risk'}].concat(z),true,'a-zones'));}
  document.getElementById('fields').innerHTML=h;
}
function collect(){
  const a={do:document.getElementById('verb').value};
  document.querySelectorAll('#fields [id^="a-"]').forEach(e=>{const k=e.id.slice(2);
    if(e.multiple)a[k]=[...e.selectedOptions].map(o=>o.value);else if(e.type==='number')a[k]=Number(e.value);else a[k]=e.value;});
  return a;
}
async function sendOrder(ev){ev.preventDefault();const r=await api('POST','/api/v1/orders',collect());
  const el=document.getElementById('order-result');
  el.className=r.status===202?'ok':'err';
  el.textContent=r.status===202?T('命令已受理 #','Order accepted #')+r.json.id+' (T+'+hours(r.json.t_s)+')':(r.status+': '+(r.json.error||''));poll();}
function render(force){
  if(!V)return;const t=V.team;
  document.title=nm(t)+' — hgdrill';
  document.getElementById('title').textContent=nm(V.exercise)+' · '+nm(t)+' ['+t.role+'] · '+nm(t.post_name);
  document.getElementById('clock').textContent=clockText(V.clock);
  [['h-order','下达命令','Give an order'],['h-inbox','收件箱（报告与注入）','Inbox (reports and injects)'],['h-units','本组队伍','Our units'],
   ['h-map','地图','Map'],['h-orders','已下达命令','Orders given'],['h-beliefs','本指挥部掌握的情况','What our post knows'],
   ['l-verb','行动','Action'],['submit','发送','Send']].forEach(([id,zh,en])=>document.getElementById(id).textContent=T(zh,en));
  const vs=t.actions.join(',');
  if(vs+LANG!==lastVerbs||force){lastVerbs=vs+LANG;const cur=document.getElementById('verb').value;
    document.getElementById('verb').innerHTML=t.actions.map(a=>'<option value="'+a+'">'+esc(VERBS[a]?T(VERBS[a][0],VERBS[a][1]):a)+' ('+a+')</option>').join('');
    if(cur)document.getElementById('verb').value=cur;fields();}
  document.getElementById('inbox').innerHTML='<tr><th>T+</th><th>'+T('来自','from')+'</th><th>'+T('内容','content')+'</th></tr>'+
    V.inbox.slice().reverse().slice(0,200).map(m=>{const b=m.body||{};const txt=m.kind==='inject'?(T(b.zh,b.en)||b.zh||b.en)+((b.attachments||[]).map(a=>'<br><small>📎 '+esc(a.name)+': '+esc(a.text)+'</small>').join('')):summary(m);
      return '<tr class="'+(m.kind==='inject'?'inject':'')+'"><td>'+hours(m.t_s)+'</td><td>'+esc(m.from)+'<br><small>'+esc(m.kind)+'</small></td><td>'+(m.kind==='inject'?txt:'<small>'+txt+'</small>')+'</td></tr>';}).join('');
  document.getElementById('units').innerHTML='<tr><th>'+T('队伍','unit')+'</th><th>'+T('状态','state')+'</th><th>'+T('目标','target')+'</th></tr>'+
    V.units.map(u=>'<tr data-unit="'+esc(u.id)+'"><td>'+esc(nm(u))+'<br><small>'+esc(u.id)+' · '+esc(u.capabilities.join(', '))+'</small></td><td class="state-'+esc(u.state)+'">'+esc(u.state)+'</td><td>'+esc(u.target||'')+'</td></tr>').join('');
  document.getElementById('mapbox').innerHTML=mapSvg(V.map,V.units,V.beliefs);
  document.getElementById('orders').innerHTML='<tr><th>#</th><th>T+</th><th>'+T('命令','order')+'</th></tr>'+
    V.orders.slice().reverse().map(o=>'<tr><td>'+o.id+'</td><td>'+hours(o.t_s)+'</td><td><small>'+esc(JSON.stringify(o.action))+'</small></td></tr>').join('');
  const b=V.beliefs;let h='<p>'+T('事件已知','incident known')+': '+(b.incident_known?T('是','yes')+' ('+esc(b.incident_kind)+')':T('否','no'))+' · '+T('响应级别','response level')+': '+esc(b.response_level)+'</p>';
  if(b.observed){h+='<table><tr><th>'+T('观测量','observed')+'</th><th>'+T('值','value')+'</th><th>'+T('观测于','observed at')+'</th></tr>'+
    Object.entries(b.observed).map(([k,v])=>'<tr><td>'+esc(k)+'</td><td>'+v.value.toFixed(2)+'</td><td>'+hours(v.observed_t)+'</td></tr>').join('')+'</table>';}
  document.getElementById('beliefs').innerHTML=h;
}
async function poll(){const r=await api('GET','/api/v1/view');
  if(r.status===200){V=r.json;render(false);}else document.getElementById('clock').textContent=r.status+': '+(r.json.error||'');}
poll();setInterval(poll,1500);
</script></body></html>
)HTML";

const char* kFacBody = R"HTML(<title>hgdrill facilitator / 导调控制台</title></head><body>
<header><h1 id="title">…</h1><span id="clock">…</span>
<span><button onclick="setLang('zh')">中文</button><button onclick="setLang('en')">English</button></span></header>
<main>
<section><h2 id="h-clock"></h2>
<button id="b-pause" onclick="clock({op:'pause'})"></button><button id="b-resume" onclick="clock(paceBody({op:'resume'}))"></button>
<label><span id="l-step"></span><input id="step-h" type="number" step="0.5" value="1"> h <button id="b-step" onclick="stepTo()"></button></label>
<label><span id="l-pace"></span><input id="pace" type="number" min="0" value=""></label><div id="clock-result"></div>
<h2 id="h-scn"></h2><div id="scenario"></div></section>
<section><h2 id="h-inject"></h2><div id="inject-teams"></div>
<label>中文 <textarea id="inj-zh" rows="2" cols="40"></textarea></label><label>English <textarea id="inj-en" rows="2" cols="40"></textarea></label>
<button id="b-inject" onclick="inject()"></button><div id="inject-result"></div><h2 id="h-msel"></h2><table id="msel"></table></section>
<section><h2 id="h-teams"></h2><div id="teams"></div></section>
<section><h2 id="h-units"></h2><table id="truth"></table></section>
<section><h2 id="h-events"></h2><table id="events"></table></section>
<section><h2 id="h-results"></h2><div id="results"></div></section>
</main>
<script>
let V=null,EV=[],since=0;
function paceBody(b){const p=document.getElementById('pace').value;if(p!=='')b.pace=Number(p);return b;}
async function clock(b){const r=await api('POST','/api/v1/clock',b);const el=document.getElementById('clock-result');
  el.className=r.status===200?'ok':'err';el.textContent=r.status===200?T('已执行 #','done #')+r.json.id:r.status+': '+r.json.error;poll();}
function stepTo(){const h=Number(document.getElementById('step-h').value);clock(paceBody({op:'step',to_s:(V?V.clock.t_s:0)+h*3600}));}
async function inject(body){
  if(!body){const to=[...document.querySelectorAll('#inject-teams input:checked')].map(e=>e.value);
    body={to,zh:document.getElementById('inj-zh').value,en:document.getElementById('inj-en').value};}
  const r=await api('POST','/api/v1/injects',body);const el=document.getElementById('inject-result');
  el.className=r.status===202?'ok':'err';el.textContent=r.status===202?T('已注入 ','injected ')+r.json.ids.join(','):r.status+': '+r.json.error;poll();}
function render(){
  if(!V)return;
  document.getElementById('title').textContent=T('导调控制台','Facilitator')+' · '+nm(V.exercise);
  document.getElementById('clock').textContent=clockText(V.clock);
  [['h-clock','时间控制','Time control'],['b-pause','暂停','Pause'],['b-resume','继续','Resume'],['l-step','推进','Step by'],['b-step','推进','Step'],
   ['l-pace','速度(倍实时)','Pace (× real time)'],['h-scn','实际想定(仅导调可见)','Scenario played (facilitator only)'],['h-inject','人工注入','Manual inject'],
   ['b-inject','发送注入','Send inject'],['h-msel','主情景事件清单 MSEL','Master scenario events list (MSEL)'],['h-teams','各小组收件箱与命令','Every team: inbox and orders'],
   ['h-units','真实态势：队伍','Ground truth: units'],['h-events','真实态势：事件','Ground truth: events'],['h-results','结果','Results']]
   .forEach(([id,zh,en])=>document.getElementById(id).textContent=T(zh,en));
  const s=V.scenario;document.getElementById('scenario').innerHTML='<p>'+esc(nm(s))+'<br><small>'+esc(s.id)+' · seed '+s.seed+'<br>'+esc(JSON.stringify(s.draws))+'</small></p>'+
    (V.commitment?'<p><small>'+T('抽签承诺','commitment')+' SHA-256 '+esc(V.commitment)+'</small></p>':'');
  const sh=document.getElementById('step-h');if(!sh.dataset.set){sh.value=(V.clock.step_s/3600).toFixed(2).replace(/\.?0+$/,'');sh.dataset.set=1;}
  const box=document.getElementById('inject-teams');
  if(!box.childElementCount)box.innerHTML=V.teams.map(t=>'<label><input type="checkbox" value="'+esc(t.id)+'">'+esc(nm(t))+'</label>').join('');
  document.getElementById('msel').innerHTML='<tr><th>id</th><th>'+T('时间/条件','time/condition')+'</th><th>'+T('内容','text')+'</th><th></th></tr>'+
    V.injects.msel.map(m=>'<tr><td>'+esc(m.id)+'</td><td>'+(m.at_s!==undefined?hours(m.at_s):esc(m.when.event+' '+m.when.actor))+
      (m.fired_t_s!==undefined?'<br><span class="ok">'+T('已触发 ','fired ')+hours(m.fired_t_s)+'</span>':'')+'</td><td>'+esc(T(m.zh,m.en))+'</td><td>'+
      (m.fired_t_s===undefined?'<button onclick="inject({msel:\''+esc(m.id)+'\'})">'+T('立即注入','fire now')+'</button>':'')+'</td></tr>').join('');
  document.getElementById('teams').innerHTML=V.teams.map(t=>'<h3>'+esc(nm(t))+' <small>'+esc(t.role)+' · '+esc(t.post)+'</small></h3><table>'+
    t.orders.slice().reverse().slice(0,20).map(o=>'<tr><td>#'+o.id+'</td><td>'+hours(o.t_s)+'</td><td><small>'+esc(JSON.stringify(o.action))+'</small></td></tr>').join('')+
    t.inbox.slice().reverse().slice(0,15).map(m=>'<tr class="'+(m.kind==='inject'?'inject':'')+'"><td>✉</td><td>'+hours(m.t_s)+'</td><td><small>'+esc(m.from)+' '+esc(m.kind)+': '+(m.kind==='inject'?esc(T(m.body.zh,m.body.en)):summary(m))+'</small></td></tr>').join('')+'</table>').join('');
  document.getElementById('truth').innerHTML='<tr><th>'+T('队伍','unit')+'</th><th>'+T('最新事件','latest')+'</th><th>T+</th></tr>'+
    Object.entries(V.units_truth).map(([u,x])=>'<tr><td>'+esc(u)+'</td><td>'+esc(x.state)+'</td><td>'+hours(x.t)+'</td></tr>').join('');
  document.getElementById('events').innerHTML='<tr><th>T+</th><th>'+T('类型','type')+'</th><th>'+T('对象','actors')+'</th></tr>'+
    EV.slice(-150).reverse().map(e=>'<tr><td>'+hours(e.t)+'</td><td>'+esc(e.type)+'</td><td><small>'+esc(e.actors.join(' '))+'</small></td></tr>').join('');
  document.getElementById('results').innerHTML=Object.keys(V.results).length?'<pre>'+esc(JSON.stringify(V.results,null,1)).slice(0,4000)+'</pre>':T('演练结束后在此显示评分与预案对比','scores and the plan comparison appear here when the drill ends');
}
async function poll(){const r=await api('GET','/api/v1/view?since='+since);
  if(r.status===200){V=r.json;EV=EV.concat(V.events).slice(-2000);since+=V.events.length;render();}
  else document.getElementById('clock').textContent=r.status+': '+(r.json.error||'');}
poll();setInterval(poll,1500);
</script></body></html>
)HTML";

const char* kIndex = R"HTML(<title>hgdrill drill server / 演练服务器</title></head><body>
<header><h1>hgdrill 演练服务器 / drill server</h1></header><main><section>
<p>请使用导调人员发给您的控制台链接（含口令）打开。<br>Open the console link (with its token) that the facilitator gave you.</p>
<p><small>API: /api/v1/view, /api/v1/orders, /api/v1/clock, /api/v1/injects — docs/running-a-drill.md</small></p>
</section></main></body></html>
)HTML";

} // namespace

const std::string& index_page() {
  static const std::string s = std::string(kHead) + kIndex;
  return s;
}
const std::string& team_console_page() {
  static const std::string s = std::string(kHead) + kTeamBody;
  return s;
}
const std::string& facilitator_console_page() {
  static const std::string s = std::string(kHead) + kFacBody;
  return s;
}

} // namespace hg
