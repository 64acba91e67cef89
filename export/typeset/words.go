package typeset

import "unicode"

// Title breaking: GB/T 9704 asks that a title broken over lines keep its
// words whole (词意完整) and take a balanced shape. Chinese has no spaces,
// so the word boundaries come from a small curated word list of the terms
// that make up campaign titles, unit names and headings (administrative
// divisions, organs, education and evaluation vocabulary), matched longest
// first from the left (forward maximum matching); characters the list does
// not cover are their own words, with a preference for breaking after the
// suffixes of names (省 市 县 局 委员会…) and around the conjunctions 和 与 及.
// It is deliberately small: a wrong guess costs only a less good break,
// never a lost character.

// titleWords is the curated word list.
var titleWords = []string{
	// places and organs
	"河南省", "郑州市", "开封市", "洛阳市", "平顶山市", "安阳市", "鹤壁市", "新乡市", "焦作市", "濮阳市",
	"许昌市", "漯河市", "三门峡市", "南阳市", "商丘市", "信阳市", "周口市", "驻马店市", "济源市",
	"人民政府", "教育局", "教育厅", "教育部", "财政局", "人力资源和社会保障局", "人社局", "发展和改革委员会",
	"发改委", "自然资源和规划局", "住房和城乡建设局", "委员会", "办公室", "领导小组", "联合申报",
	"学区", "中小学", "小学", "初中", "高中", "幼儿园", "学校", "学院", "大学", "中心",
	// education and evaluation
	"义务教育", "学前教育", "基础教育", "职业教育", "素质教育", "教育", "教学", "教师", "学生", "学位",
	"标准化建设", "标准化", "现代化", "信息化", "集团化", "均衡发展", "优质均衡", "公平优质", "高质量发展",
	"先进单位", "先进集体", "先进个人", "评选", "评审", "评比", "表彰", "推荐", "拟推荐", "拟推荐单位",
	"名单", "公示", "名单公示", "材料", "汇编", "评审材料汇编", "事迹材料", "申报", "示例",
	"高位推进", "五大工程", "开创", "新局面", "新格局", "新篇章", "全面", "推进", "深化", "改革",
	"建设", "实施", "工程", "工作", "项目", "管理", "服务", "保障", "提升", "优化", "扩充", "创优",
	"增效", "攻坚", "队伍", "惠民", "暖心", "办学", "条件", "质量", "体系", "机制", "模式", "经验",
	"课后服务", "双减", "大班额", "县管校聘", "立德树人", "五育并举", "年度", "活动", "通知",
}

// wordSet maps each word of titleWords to true; wordMax is the longest.
var (
	wordSet = map[string]bool{}
	wordMax = 0
)

func init() {
	for _, w := range titleWords {
		wordSet[w] = true
		wordMax = max(wordMax, len([]rune(w)))
	}
}

// Words returns the word boundaries of runes: inside[i] is true when a
// break before runes[i] would split a word of the list, and good[i] when
// the break follows a name suffix or falls around a conjunction.
func Words(runes []rune) (inside, good []bool) {
	n := len(runes)
	inside, good = make([]bool, n+1), make([]bool, n+1)
	for i := 0; i < n; {
		l := 1
		for k := min(wordMax, n-i); k > 1; k-- {
			if wordSet[string(runes[i:i+k])] {
				l = k
				break
			}
		}
		for k := i + 1; k < i+l; k++ {
			inside[k] = true
		}
		i += l
	}
	for i := 1; i < n; i++ {
		switch {
		case inside[i]:
		case isSuffix(runes[i-1]), isConj(runes[i]), isConj(runes[i-1]):
			good[i] = true
		case unicode.IsSpace(runes[i-1]):
			good[i] = true
		}
	}
	return inside, good
}

func isSuffix(r rune) bool {
	switch r {
	case '省', '市', '县', '区', '局', '委', '会', '厅', '部', '校', '院', '所', '站', '园', '室', '组':
		return true
	}
	return false
}

func isConj(r rune) bool { return r == '和' || r == '与' || r == '及' || r == '、' }
