package main

// root is the command line: every verb and sub-verb of dossierctl, in the
// order of DESIGN.md "Command line". A new verb is one entry here and one
// Run function beside the others of its kind.
var root = &Command{Name: "dossierctl", Commands: []*Command{
	{Name: "new", UsageLine: "--db FILE [--title T]", Short: "新建评选活动文件（默认五大工程类别）",
		Campaign: createsCampaign, Run: runNew},
	{Name: "demo", UsageLine: "--db FILE", Short: "示例评选活动：种子材料中的四个单位、示例评委和评分",
		Campaign: createsCampaign, Run: runDemo},
	{Name: "settings", UsageLine: "--db FILE [--title T] [--organiser O] [--date YYYY-MM-DD] [--quota N]\n" +
		"[--trim-min N] [--tie-break 类别,…] [--min-valid N] [--outlier-pct P] [--reason 理由]\n" +
		"[--region-cap N] [--kind-quota 类型>=N[%]|类型<=N[%]]… [--notice-start YYYY-MM-DD] [--notice-days N] [--objection-contact 文字]\n" +
		"[--body-font fangsong|song]",
		Short: "查看或修改评选设置", Campaign: opensCampaign, Run: runSettings,
		Long: "不带修改参数时只列出现有设置。评分开始后修改评分规则（类别、去高去低起点、同分比较、名额、名额限制、最少有效评分）须写明 --reason。--kind-quota 可重复，给出的即为全部单位类型名额（--kind-quota '' 清除）。--body-font 选择各文件正文的字体（新建活动默认仿宋），不属于评分规则。"},
	{Name: "unit", Short: "单位的新增、受理状态和版本恢复", Commands: []*Command{
		{Name: "add", UsageLine: "--db FILE --code C --name N [--region R] [--kind K] [--recommender R]",
			Short: "新增单位", Campaign: opensCampaign, Run: runUnitAdd},
		{Name: "status", UsageLine: "--db FILE --code C --status 已受理|材料待补|已撤回",
			Short: "设置单位的受理状态", Campaign: opensCampaign, Run: runUnitStatus},
		{Name: "restore", UsageLine: "--db FILE --code C --revision N",
			Short: "恢复单位的较早版本（恢复本身成为新版本）", Campaign: opensCampaign, Run: runUnitRestore},
	}},
	{Name: "template", UsageLine: "--db FILE --out FILE.xlsx", Short: "空白申报表模板",
		Campaign: opensCampaign, Run: runTemplate},
	{Name: "import", UsageLine: "--db FILE [--dry-run] PATH…", Short: "导入申报表（文件或文件夹）",
		Campaign: opensCampaign, Run: runImport,
		Long: "PATH 可以是申报表文件或文件夹（含其中各级子文件夹）。每个被拒绝的文件都列出原因，其余照常导入；有拒绝时退出状态为 1。--dry-run 只检查，不写入。"},
	{Name: "units", UsageLine: "--db FILE [--json]", Short: "列出单位",
		Campaign: opensCampaign, Run: runUnits},
	{Name: "evaluator", Short: "新增评委", Commands: []*Command{
		{Name: "add", UsageLine: "--db FILE --name N [--affiliation A] [--region R] [--role R] [--reason 理由]",
			Short: "新增评委", Campaign: opensCampaign, Run: runEvaluatorAdd},
	}},
	{Name: "conflict", Short: "登记或解除评委对单位的回避", Commands: []*Command{
		{Name: "add", UsageLine: "--db FILE --evaluator N --unit CODE --reason TEXT",
			Short: "登记回避", Campaign: opensCampaign, Run: runConflict},
		{Name: "remove", UsageLine: "--db FILE --evaluator N --unit CODE --reason TEXT",
			Short: "解除回避", Campaign: opensCampaign, Run: runConflict},
	}},
	{Name: "scores", Short: "逐项录入评分或导入评委评分表", Commands: []*Command{
		{Name: "set", UsageLine: "--db FILE --evaluator N --unit CODE --category NAME --value V",
			Short: "录入一项评分", Campaign: opensCampaign, Run: runScoresSet},
		{Name: "import", UsageLine: "--db FILE FILE.xlsx…", Short: "导入评委评分表",
			Campaign: opensCampaign, Run: runScoresImport},
	}},
	{Name: "scoresheet", UsageLine: "--db FILE --evaluator N --out FILE.xlsx", Short: "评委评分表",
		Campaign: opensCampaign, Run: runScoresheet},
	{Name: "rank", UsageLine: "--db FILE [--json [--with-meta]]", Short: "排名（按评分规则）",
		Campaign: opensCampaign, Run: runRank},
	{Name: "export", Short: "导出 PDF 文档或 Excel 汇总", Commands: []*Command{
		{Name: "pdf", UsageLine: "--db FILE --out FILE.pdf [--kind dossier|notice|unit|scoresheets|summary-sheet|declarations|report]\n" +
			"[--unit CODE] [--with-scores] [--quality print|screen] [--allow-pending]",
			Short: "导出 PDF：评审材料汇编、公示名单、单位事迹材料或签字用表（评分表、评分汇总表、回避声明、评审结果报告）", Campaign: opensCampaign, Run: runExport,
			Long: "公示名单在并列跨越名额线（或名额限制）尚待评委会决定时拒绝导出，除非加 --allow-pending。"},
		{Name: "xlsx", UsageLine: "--db FILE --out FILE.xlsx", Short: "导出 Excel 汇总",
			Campaign: opensCampaign, Run: runExport},
	}},
	{Name: "backup", UsageLine: "--db FILE --out FILE", Short: "在线备份一致的副本",
		Campaign: opensCampaign, Run: runBackup},
	{Name: "check", UsageLine: "--db FILE", Short: "完整性和一致性检查",
		Campaign: opensCampaign, Run: runCheck},
	{Name: "history", UsageLine: "--db FILE [--unit CODE] [--json]", Short: "每项修改及其替换的原内容",
		Campaign: opensCampaign, Run: runHistory, Commands: []*Command{
			{Name: "restore", UsageLine: "--db FILE --id N [--reason 理由]", Short: "恢复某条记录替换前的内容",
				Campaign: opensCampaign, Run: runHistoryRestore},
		}},
	{Name: "scoring", Short: "开始或结束评分（开始后评分规则锁定）", Commands: []*Command{
		{Name: "open", UsageLine: "--db FILE [--reason TEXT]", Short: "开始评分，锁定评分规则",
			Campaign: opensCampaign, Run: runScoring},
		{Name: "close", UsageLine: "--db FILE [--reason TEXT]", Short: "结束评分，评分自此只读",
			Campaign: opensCampaign, Run: runScoring},
	}},
	{Name: "decision", UsageLine: "--db FILE --unit CODE --recommend yes|no --reason TEXT", Short: "评委会对跨线并列的决定",
		Campaign: opensCampaign, Run: runDecision},
	{Name: "calendar", Short: "公示日历：法定节假日和调休上班日（随软件提供已公布的年份，可补充）", Commands: []*Command{
		{Name: "add", UsageLine: "--db FILE (--holiday YYYY-MM-DD[..YYYY-MM-DD] | --workday YYYY-MM-DD) [--note 说明]",
			Short: "补充或更正放假日、调休上班日", Campaign: opensCampaign, Run: runCalendarAdd},
		{Name: "list", UsageLine: "--db FILE [--year YYYY]", Short: "列出日历（各年所依据的国务院办公厅通知及本活动的补充）",
			Campaign: opensCampaign, Run: runCalendarList},
	}},
	{Name: "verify", UsageLine: "--db FILE [--json]", Short: "重放评分记录：完好退出 0，被改动退出 1 并指出第一条问题记录",
		Campaign: opensCampaign, Run: runVerify},
	{Name: "review", UsageLine: "--db FILE [--json]", Short: "复核标记（畸高畸低、雷同、回避仍评分、评分不完整、排名不稳）",
		Campaign: opensCampaign, Run: runReview, Commands: []*Command{
			{Name: "resolve", UsageLine: "--db FILE --flag ID --by NAME --note TEXT", Short: "记录复核人和复核意见",
				Campaign: opensCampaign, Run: runReviewResolve},
		}},
	{Name: "copy", UsageLine: "--from SRC --to DST", Short: "在文件和服务器之间复制评选活动（任一方向）",
		Run: runCopy, Long: "SRC、DST 是评选活动文件或 postgres:// 地址。全部内容原样复制：单位（编号不变）、修改记录、历史版本、图片、评分、评委会决定、复核意见和评分记录；目标须是不存在的文件或服务器上空的数据库，从不覆盖。"},
	{Name: "account", Short: "服务器上评选活动的登录账号", Commands: []*Command{
		{Name: "add", UsageLine: "--db URL --name LOGIN --role clerk|chair|evaluator [--evaluator NAME] [--password P]",
			Short: "新增登录（权限由服务器执行）", Run: runAccountAdd,
			Long: "clerk（工作人员）可做一切；chair（主任）可查看全部、记录评委会决定和复核意见、开始或结束评分；evaluator（评委）可查看单位材料，只能录入和查看本人的评分和评语，评分结束前看不到他人的评分和排名。不给 --password 时随机生成密码并只显示一次。需要有 CREATEROLE 权限的登录执行。"},
	}},
}}

func init() { link(root) }

// link sets every command's parent, from which its full name comes.
func link(c *Command) {
	for _, sub := range c.Commands {
		sub.parent = c
		link(sub)
	}
}
