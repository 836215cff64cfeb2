# rehearse：简体中文界面（译自英文源文件 en/rehearse.ftl）。
# 消息 id 保持不变：新文本使用新 id。变量写作 { $name }；中文只有 other 一种复数类别，无需复数变体。

## 列表

# “2, 5和7”：$items 是最后一项之前的所有项。
list-and = { $items }和{ $last }
# Between items of a list ("2, 5"), between promises, between two sentences.
list-separator = {"、"}
list-semicolon = {"；"}
sentence-gap = {""}

## 复盘中的规则说明（判定依据）

note-unbreakable = 本次对话中不可能违反这一条
note-disabled = 不适用于本场景
note-not-applicable = 本次对话中没有涉及
note-kept-at = 第{ $turn }轮做到了。{ $what }
note-kept-throughout = 全程遵守。{ $what }
note-broken-times = 违反{ $count }次，分别在第{ $turns }轮。{ $what }
note-broken-at = 第{ $turn }轮违反。{ $what }
note-never-happened = 始终没有做到。{ $what }

## 用平实的话说明规则的检查内容（$act 是一段描述，例如“用通俗的话把问题复述一遍”）

check-eventually = 对话中应做到：{ $act }。
check-never = 应避免：{ $act }。
check-first-turn = 第一句回复应做到：{ $act }。
check-within = 应在前{ $turns }句回复之内做到：{ $act }。
check-within-seconds = 每次都应在{ $seconds }秒内做到：{ $act }。
check-at-least = 应至少做到{ $times }次：{ $act }。
check-before = 先做到“{ $first }”，然后才能“{ $then }”。
check-before-each = 每次都要先做到“{ $first }”，然后才能“{ $then }”。
check-keep-promises = 每个承诺都必须是店里做得到的，并且要兑现。
check-keep-promises-list = 每个承诺都必须是店里做得到的，并且要兑现（{ $promises }）。
check-any = 满足以下任意一项即可。{ $checks }
check-any-or = 或者
check-not = 不能出现以下情况：{ $check }

## 终端里的复盘

meters-line = 情绪 { $mood }  耐心 { $patience }  信任 { $trust }
verdict-kept = 遵守
verdict-broken = 违反
verdict-na = 不适用
outcome-retained = 留住客户
outcome-referred = 转介他处
outcome-escalated = 投诉升级
outcome-lost = 客户流失
debrief-heading = === 复盘：{ $title } ===
debrief-total = 总分
debrief-no-rule-applied = （没有适用的规则）
debrief-outcome-label = 结果
debrief-outcome = { $outcome }（客户满意度{ $satisfaction }%）
debrief-not-finished = 未完成
debrief-rules = 规则：
debrief-turn-reply = 第{ $turn }轮：“{ $reply }”
debrief-tip = 建议：{ $tip }
debrief-transcript = 对话记录：
# 总分封顶时：“封顶60分：客户走了（封顶前83.2分）”。
debrief-capped = 封顶{ $cap }分：{ $reason }（封顶前{ $uncapped }分）
transcript-you = 您

## 终端练习

play-customer = 客户：{ $name }。{ $situation }
play-goal = 目标：{ $goal }
play-turn = 第{ $turn }轮
play-notes = 已知情况：
# A customer\'s line in the terminal player.
play-customer-line = { $name }：“{ $line }”
# 学员输入回复编号前的提示。
play-your-reply = 您的回复（1-{ $count }，输入 q 退出）
play-stopped = 在第{ $turn }轮停止，对话尚未结束；本次不计分
play-too-late = 太晚了：来电者已经挂断。
play-type-a-number = 请输入1到{ $count }之间的数字。
play-assessment-refused = 考核未能开始：{ $why }
play-practice-refused = 练习未能开始：{ $why }
play-pin-for = { $name }的PIN码：{" "}
play-pin-on-roster = { $name }在学员名单上。PIN码：{" "}
play-not-saved = 本次记录未保存：{ $why }
play-no-scenarios = { $dir } 中没有可练习的场景
menu-heading = rehearse：练习一场棘手的对话
menu-pick = 场景（1-{ $count }）
menu-name = 您的姓名
menu-welcome = 欢迎，{ $name }。
difficulty-easy = 简单
difficulty-medium = 中等
difficulty-hard = 困难

## 对话中

notice-caller-gave-up = 电话不响了：来电者已经挂断。
notice-file-changed = 场景文件已更改：现在显示的是新版本。
notice-file-changed-unfit = 场景文件已更改，但第{ $turn }轮已与新版本对不上（{ $why }）；继续使用您开始时的版本。

## 练习说明

briefing-mode-guided = 重练并显示最佳路线：每一轮都会标出最佳回复。
briefing-mode-practice = 练习：每次回复后，您都能看到它遵守或违反了哪些规则。
briefing-mode-assessment = 考核：没有提示。本次成绩计入月度排名。
briefing-customer = 客户：{ $name }
briefing-goal = 理想结果
briefing-time-matters = 这一场时间很关键：您犹豫的时候，客户会越来越不耐烦，电话也可能会响。
briefing-skills = 练习技能：{ $skills }
briefing-start = 开始对话 (Enter)
briefing-back = 返回 (Esc)

## 选择场景

picker-loading-sessions = 正在加载您的记录…
picker-history-unreadable = 无法读取您以往的记录：{ $why }
picker-hello = 您好，{ $name }。请选择要练习的对话。
picker-leaderboard = 排行榜 (L)
picker-sign-out = 退出登录
picker-modes = 练习：每次回复后都有反馈。考核：没有提示，计入月度排名。
picker-modes-guest = 练习：每次回复后都有反馈。考核仅限学员名单上、用PIN码登录的学员参加：请让您的培训师把您加进名单。
picker-assigned = 本月考核：已完成{ $done }个，共{ $count }个。每个场景只计您的第一次考核。
picker-loading-scenarios = 正在加载场景…
picker-no-scenarios = { $dir } 中还没有场景。
picker-broken = 无法练习：文件有错误。
picker-difficulty = 难度：{ $difficulty }
picker-skills = 技能：{ $skills }
picker-best-practice = 最好成绩：{ $total }/100（练习）
picker-best-assessment = 最好成绩：{ $total }/100（考核）
picker-best-none = 最好成绩：尚未练习
picker-card-assessed = 本月指定场景：已考核，计入成绩{ $total }/100。
picker-card-not-assessed = 本月指定场景：尚未考核。
picker-stale = 文件有错误：正在使用上一个正常的版本。
picker-practice = 练习
picker-assessment = 考核

## 登录

sign-in-title = Rehearse
sign-in-tagline = 在真正面对之前，先把棘手的对话练一练。
sign-in-who = 谁来练习？
sign-in-nobody-yet = 这里还没有人练习过。
sign-in-unreadable = 无法读取学员名单：{ $why }
sign-in-type-name = 或者输入新名字，然后按 Enter：
sign-in-button = 用这个名字登录

## PIN码

pin-hello = 您好，{ $name }。
pin-explain = 请输入您的PIN码，然后按 Enter。考核成绩计入月度排名，所以只能由您本人参加考核。
pin-sign-in = 登录
pin-back = 返回
pin-wrong = { $left ->
    [0] PIN码错误。
   *[other] PIN码错误（再输错{ $left }次将暂停登录）。
}
pin-paused-seconds = PIN码错误次数过多：登录已暂停，还需等待{ $amount }秒。
pin-paused-minutes = PIN码错误次数过多：登录已暂停，还需等待{ $amount }分钟。
pin-paused-hours = PIN码错误次数过多：登录已暂停，还需等待{ $amount }小时。
pin-not-on-roster = { $name }不在学员名单上；请让您的培训师把您加进名单。
pin-digits-only = PIN码只能是数字（0–9）。
pin-length = PIN码为{ $min }到{ $max }位数字。
pin-cannot-check = 无法验证PIN码：{ $why }

## 对话

meter-mood = 情绪
meter-patience = 耐心
meter-trust = 信任
conversation-turn = 第{ $turn }轮
conversation-mode-guided = 模式：显示最佳路线
conversation-mode-practice = 模式：练习
conversation-mode-assessment = 模式：考核
conversation-last-change = 上一句回复：情绪{ $mood }，耐心{ $patience }，信任{ $trust }
conversation-says = { $name }说：
# 练习模式下，标记因缺少译文或译文过期而以英文显示的句子。
conversation-untranslated = 【未翻译】
conversation-phone = 电话响了！第{ $ring }声，共{ $rings }声（响三声之内接起）
conversation-draining = 客户在等您：耐心正在流失。
conversation-over = 对话结束：{ $summary }
conversation-see-debrief = 查看复盘 (Enter)
conversation-skip = 跳过 (Space)
conversation-your-reply = 您的回复（按 1–9，或按 Tab 再按 Enter）：
conversation-best = 【最佳】
conversation-notes = 已知情况
conversation-nothing-learned = 还没了解到任何情况：多听，多问。
conversation-last-reply = 您的上一句回复
conversation-nothing-settled = 还没有规则得出判定。
conversation-kept = 遵守：{ $rule }
conversation-broke = 违反：{ $rule }
conversation-tip = 建议：{ $tip }
debrief-guided-not-saved = 显示最佳路线的重练不会保存。

## 保存

saved-as = 已保存为 { $db } 中的第{ $seq }号记录。
saved-to-recovery = 无法保存到数据库（{ $why }）。本次记录已写入 { $file }，没有丢失；培训师可以用 `rehearse records import { $file }` 导入。
not-saved = 未保存：{ $why }
saving = 正在保存…

## 复盘页面

debrief-nothing = 没有可显示的已完成对话。
debrief-back = 返回场景列表
debrief-back-esc = 返回场景列表 (Esc)
debrief-title = 复盘：{ $title }
debrief-total-score = 总分{ $total }/100
debrief-total-capped = 总分{ $capped }。
outcome-unfinished = 未完成
debrief-outcome-line = 结果：{ $outcome }。客户满意度：{ $satisfaction }。{ $summary }
debrief-retry = 再练一次 (R)
debrief-replay-best = 重练并显示最佳路线 (B)
debrief-category = { $title }：{ $score }/100
debrief-category-na = { $title }：不适用
debrief-rule-by-rule = 逐条规则
debrief-rule-kept = 遵守  { $rule }（{ $family }，{ $practice }）
debrief-rule-broken = 违反  { $rule }（{ $family }，{ $practice }）
debrief-rule-na = 不适用  { $rule }（{ $family }，{ $practice }）
debrief-evidence = 第{ $turn }轮：“{ $reply }”
debrief-transcript-heading = 对话记录
debrief-customer-said = { $name }：“{ $line }”
debrief-you-said = 第{ $turn }轮，您：“{ $reply }”
debrief-you-said-timed = 第{ $turn }轮，您（{ $seconds }秒）：“{ $reply }”
debrief-mark-kept = 遵守：{ $rule }
debrief-mark-broke = 违反：{ $rule }
debrief-finding-best = 正在寻找最佳路线…

## 排行榜

board-heading = 排行榜（{ $month }）
board-loading = 正在加载排行榜…
board-your-sessions = { $name }，您的记录
board-new = 新上榜
board-change = 较上月{ $change }
board-row = { $sessions }场，{ $covered }/{ $scenarios }个场景，{ $change }，留存率{ $retained }%
board-formula = 只统计考核。得分：本月{ $scenarios }个场景，每个场景取您第一次考核的总分，再求平均；至少考核{ $sessions }场才能上榜。留存率目标：{ $target }%。
board-nobody = 本月还没有人上榜。
board-you-unranked = 您：{ $row }——还需再考核{ $more }场才能上榜。
board-no-sessions = 还没有记录。
board-more = ……还有{ $count }条更早的记录。
# 记录列表中一场的模式。
mode-practice = 练习
mode-assessment = 考核

## 月度排名（终端表格和 HTML 报告，供经理查看）

board-title = 最佳员工排名（{ $month }）：{ $sessions }场考核，{ $scenarios }个场景；至少{ $minimum }场才有排名资格
board-scenarios-assigned = 场景（指定）：{ $names }
board-scenarios-assessed = 场景（已考核）：{ $names }
board-nobody-qualified = （本月无人达到排名资格）
board-not-ranked = 未上榜（不足{ $minimum }场）：
table-rank = 名次
table-trainee = 学员
table-score = 得分
table-sessions = 场次
table-scenarios = 场景
table-change = 变化
table-retained = 留存率
table-retained-target = 留存率（{ $target }%）
table-retained-ok = { $retained }% 达标
table-retained-below = { $retained }% 未达标
html-title = 最佳员工排名（{ $month }）
html-intro = 共{ $sessions }场考核，涉及{ $scenarios }个场景。得分：取每位学员每个场景的第一次考核（重复考核不计），按本月场景求平均（有指定场景的按指定场景，否则按所有考核过的场景；没考核的场景计0分）；至少{ $minimum }场才有排名资格；得分相同时，最弱类别得分较高者在前，再相同则场次较少者在前。留存率：客户留下来的场次所占比例，目标为{ $target }%。
html-categories = 各类别平均分
html-categories-aria = 每位学员的各类别平均分
html-trend = 月度趋势
html-trend-aria = 月度得分趋势
# 客户头像下方的指标：“情绪 45/100（一般）”。
meter-caption = { $name } { $value }/100（{ $word }）
meter-very-low = 很低
meter-low = 偏低
meter-middling = 一般
meter-good = 良好
meter-high = 很高
meter-no-change = 不变

## 平衡分析（`rehearse analyze`，供培训师使用）
# 单个场景报告中的标签，同一行后面接着它的值。
analyze-label-scenario = 场景
analyze-label-best = 最高分
analyze-label-worst = 最低分
analyze-label-best-path = 最佳路线
# 在“最佳路线”下方：找到这条路线时各隐藏情况的取值。
analyze-label-with = 条件
analyze-label-paths = 路线数
analyze-label-random = 随机作答
# 一个固定策略的得分（“策略  总是道歉: 模拟1000次，…”）。
analyze-label-policy = 策略
analyze-label-lost = 流失/升级最高分
analyze-label-longest = 最佳回复最长
analyze-label-correlation = 总分~满意度
analyze-label-balance = 平衡
analyze-by-outcome = 按隐藏情况的各种取值：
analyze-outcome-scores = 最高{ $best }  最低{ $worst }  路线{ $paths }条
# 多次模拟作答的得分：平均分和百分位数。
analyze-stats = 模拟{ $runs }次，平均{ $mean }，p10 { $p10 }，p50 { $p50 }，p90 { $p90 }
analyze-policy-scores = { $policy }：{ $stats }
analyze-capped = { $total }（应不超过{ $max }）
analyze-capped-none = 无（没有路线会走到这类结局）
analyze-longest = 最佳路线{ $decisions }个决策点中的{ $longest }个（{ $share }%，应不超过{ $max }%）
analyze-correlation = { $value }（随机作答的Spearman秩相关，应不低于{ $min }）
analyze-not-available = 不适用
analyze-families = 各类别能否单独不及格（该类别≤{ $low }，其他类别均≥{ $high }）：
analyze-family-yes = 能
analyze-family-no = 不能
analyze-balance-ok = 达标
# 汇总所有场景的表格的列标题。
analyze-column-scenario = 场景
analyze-column-best = 最高
analyze-column-random = 随机
analyze-column-lost = 流失
analyze-column-longest = 最长
analyze-column-correlation = 相关
analyze-column-fails-alone = 单独不及格
# 未达到的平衡目标（`analyze --check`）。
analyze-problem-best = 最佳总分是{ $best }，不是100
analyze-problem-random = 随机作答的学员平均得{ $mean }分（要求不超过{ $max }）
analyze-problem-policy = 策略“{ $policy }”平均得{ $mean }分（要求不超过{ $max }）
analyze-problem-capped = 以客户流失或投诉升级结束的对话总分可达{ $total }（要求不超过{ $max }）
analyze-problem-longest = 最佳路线的{ $decisions }个决策点中，有{ $longest }个的最佳回复是最长的选项（{ $share }%，要求不超过{ $max }%）
analyze-problem-correlation = 随机作答中，总分与满意度的排名一致程度只有{ $value }（要求不低于{ $min }）
analyze-problem-no-variation = 随机作答中，满意度或总分没有变化
analyze-problem-family = “{ $family }”无法单独不及格：没有哪条路线能让该类别≤{ $low }，同时其他每个类别都≥{ $high }（最接近的：--choices { $choices }）

## 培训师分析（`rehearse report rules`）
rules-report-heading = 规则报告（{ $month }）
rules-report-no-sessions = （本月没有记录）
# 场景标题行：标题、方括号里的场景ID、场次。
rules-report-scenario = { $title } [{ $id }]（{ $sessions }场）
rules-report-column-rule = 规则
rules-report-column-broken = 违反
rules-report-column-applied = 适用
rules-report-column-rate = 违反率
# 各场首次违反规则的位置：对话中的节点ID，每个后面是场次。
rules-report-first-slips = 首次违反规则的位置：{ $spots }
# 走到的结局：结局ID [结果]（场次）。
rules-report-endings = 结局：{ $endings }
rules-report-not-replayed = （有{ $count }场无法重放，未能在对话流程图中定位）

## 学员名单和本月指定场景（`rehearse trainees`、`rehearse assign`，供培训师使用）
trainees-needs-key = 修改学员名单需要培训师的记录密钥：{ $why }
# 读取PIN码前的提示（在终端中输入时不显示）。
trainees-pin-prompt = { $name }的PIN码（4–12位数字）：{" "}
trainees-new-pin-prompt = { $name }的新PIN码（4–12位数字）：{" "}
trainees-pin-again = 请再输入一遍同一个PIN码：{" "}
trainees-pins-differ = 两次输入的PIN码不一致；未做任何更改
trainees-added = 已添加{ $name }（ID：{ $id }）
trainees-removed = 已移除{ $name }（ID：{ $id }）；其记录仍然保留
trainees-pin-set = 已为{ $name }（ID：{ $id }）设置新PIN码
trainees-renamed = { $old }（ID：{ $id }）现在显示为{ $name }
trainees-empty = 学员名单为空：请用 `rehearse trainees add NAME` 添加学员
# `rehearse trainees list` 的一行：ID、姓名、添加时间、状态。
trainees-added-on = 添加于{ $date }
trainees-status-removed = 已于{ $date }移除
trainees-status-paused = 暂停登录至{ $date }（PIN码错误次数过多）
trainees-status-active = 正常
assign-needs-key = 设置指定场景需要培训师的记录密钥：{ $why }
assign-none = { $month }：未指定场景，排名按所有考核过的场景计算
assign-shown = { $month }：{ $ids }
assign-by-id = 请按场景ID（`{ $id }`）指定场景，不要用文件路径
assign-cleared = { $month }：已取消指定场景；排名按所有考核过的场景计算
assign-set = { $month }：已指定场景 { $ids }；排名按这些场景求平均分
