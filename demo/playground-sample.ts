// The playground's starting text: our own writing, showing what the tagger skips and what it still finds.
export const PLAYGROUND_SAMPLE = `<h2>未来社区建设取得新进展</h2>
<p>今年以来，我市新增 12 个<span style="color:#c00">未来</span><span>社区</span>，
居民在社区就能享受智慧养老、智慧健身等服务。</p>
<p>教育&ldquo;一张图&rdquo;已覆盖全市学校，城市大脑为学位预测提供数据支撑。
详见<a href="/zt/city-brain">城市大脑专题</a>。</p>
<p class="no-terms">图片说明：未来社区邻里中心（摄影：示例）</p>
<ul>
  <li>浙里急救：一键呼救，就近调度</li>
  <li>浙医互认：检查检验结果互认共享</li>
</ul>
<pre><code>城市大脑 在代码块里，不会标注</code></pre>`;
