package dossier

// Action is what a history entry records, as stored in the campaign file
// (history.action) and printed by `dossierctl history --json`: a short
// machine-readable verb such as "import.update". The stored strings never
// change, so files written by earlier versions read the same.
type Action string

// The actions the history records.
const (
	ActionCampaignCreate   Action = "campaign.create"
	ActionCampaignUpdate   Action = "campaign.update"
	ActionCampaignRestore  Action = "campaign.restore"
	ActionCategoryAdd      Action = "category.add"
	ActionCategoryUpdate   Action = "category.update"
	ActionCategoryRemove   Action = "category.remove"
	ActionCategoryReorder  Action = "category.reorder"
	ActionCategoryRestore  Action = "category.restore"
	ActionIndicatorAdd     Action = "indicator.add"
	ActionIndicatorUpdate  Action = "indicator.update"
	ActionIndicatorRemove  Action = "indicator.remove"
	ActionIndicatorRestore Action = "indicator.restore"
	ActionUnitAdd          Action = "unit.add"
	ActionUnitUpdate       Action = "unit.update"
	ActionUnitStatus       Action = "unit.status"
	ActionUnitMaterial     Action = "unit.material"
	ActionUnitRestore      Action = "unit.restore"
	ActionImportNew        Action = "import.new"
	ActionImportUpdate     Action = "import.update"
	ActionEvaluatorAdd     Action = "evaluator.add"
	ActionEvaluatorUpdate  Action = "evaluator.update"
	ActionEvaluatorRemove  Action = "evaluator.remove"
	ActionEvaluatorReorder Action = "evaluator.reorder"
	ActionEvaluatorRestore Action = "evaluator.restore"
	ActionConflictAdd      Action = "conflict.add"
	ActionConflictRemove   Action = "conflict.remove"
	ActionScoreSet         Action = "score.set"
	ActionScoreClear       Action = "score.clear"
	ActionCommentSet       Action = "comment.set"
	ActionScoresImport     Action = "scores.import"
	ActionScoresRestore    Action = "scores.restore"
	ActionDecision         Action = "decision"
	ActionRuleChange       Action = "rule.change"
	ActionScoringOpen      Action = "scoring.open"
	ActionScoringClose     Action = "scoring.close"
	ActionReviewResolve    Action = "review.resolve"
	ActionReviewOutlierPct Action = "review.outlier_pct"
)

// Actions lists every action this version records, in the order of the
// list above.
var Actions = []Action{
	ActionCampaignCreate, ActionCampaignUpdate, ActionCampaignRestore,
	ActionCategoryAdd, ActionCategoryUpdate, ActionCategoryRemove, ActionCategoryReorder, ActionCategoryRestore,
	ActionIndicatorAdd, ActionIndicatorUpdate, ActionIndicatorRemove, ActionIndicatorRestore,
	ActionUnitAdd, ActionUnitUpdate, ActionUnitStatus, ActionUnitMaterial, ActionUnitRestore,
	ActionImportNew, ActionImportUpdate,
	ActionEvaluatorAdd, ActionEvaluatorUpdate, ActionEvaluatorRemove, ActionEvaluatorReorder, ActionEvaluatorRestore,
	ActionConflictAdd, ActionConflictRemove,
	ActionScoreSet, ActionScoreClear, ActionCommentSet, ActionScoresImport, ActionScoresRestore,
	ActionDecision, ActionRuleChange, ActionScoringOpen, ActionScoringClose,
	ActionReviewResolve, ActionReviewOutlierPct,
}

var actionLabels = map[Action]string{
	ActionCampaignCreate:   "创建评选活动",
	ActionCampaignUpdate:   "修改评选设置",
	ActionCampaignRestore:  "恢复评选设置",
	ActionCategoryAdd:      "新增类别",
	ActionCategoryUpdate:   "修改类别",
	ActionCategoryRemove:   "删除类别",
	ActionCategoryReorder:  "调整类别顺序",
	ActionCategoryRestore:  "恢复类别",
	ActionIndicatorAdd:     "新增指标",
	ActionIndicatorUpdate:  "修改指标",
	ActionIndicatorRemove:  "删除指标",
	ActionIndicatorRestore: "恢复指标",
	ActionUnitAdd:          "新增单位",
	ActionUnitUpdate:       "修改基本信息",
	ActionUnitStatus:       "修改状态",
	ActionUnitMaterial:     "修改事迹材料",
	ActionUnitRestore:      "恢复单位内容",
	ActionImportNew:        "导入新单位",
	ActionImportUpdate:     "重新导入",
	ActionEvaluatorAdd:     "新增评委",
	ActionEvaluatorUpdate:  "修改评委信息",
	ActionEvaluatorRemove:  "删除评委",
	ActionEvaluatorReorder: "调整评委顺序",
	ActionEvaluatorRestore: "恢复评委信息",
	ActionConflictAdd:      "添加回避",
	ActionConflictRemove:   "解除回避",
	ActionScoreSet:         "评分",
	ActionScoreClear:       "清除评分",
	ActionCommentSet:       "评语",
	ActionScoresImport:     "导入评分表",
	ActionScoresRestore:    "恢复评分",
	ActionDecision:         "评委会决定",
	ActionRuleChange:       "修改评分规则",
	ActionScoringOpen:      "开始评分",
	ActionScoringClose:     "结束评分",
	ActionReviewResolve:    "复核",
	ActionReviewOutlierPct: "修改复核设置",
}

// Label is the action's Chinese name, as the history screen shows it. An
// action this version does not know (written by a later one) is shown as
// 其他修改 with the stored verb, never as bare English.
func (a Action) Label() string {
	if l, ok := actionLabels[a]; ok {
		return l
	}
	return "其他修改（" + string(a) + "）"
}
