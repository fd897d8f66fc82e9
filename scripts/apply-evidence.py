#!/usr/bin/env python3
"""Sets `needs_context` on the dictionary's forms from the neutral-corpus evidence.

  target/release/tifa dict evidence target/neutral tests/samples/news-prose.txt \
      tests/samples/zh-prose.txt > evidence.jsonl
  scripts/apply-evidence.py evidence.jsonl [--all-forms FORMS.jsonl]

Rules (tests/neutral.rs checks the result):
* a form found in the neutral corpus gets `needs_context = true`;
* a gated form never found there loses `needs_context`, unless it is one of the kinds of form
  that ordinary text holds even though our corpus happens not to: a single English word or
  abbreviation, a Chinese form of one or two characters, or an ordinary English collocation
  listed below. Those keep it, with a `context_reason` saying which.
Edits are made line by line on `{ text = "...", ... }` form lines; nothing else changes.
"""
import glob
import json
import re
import sys

from tomllines import FORM_LINE, insert_forms

ORDINARY = {
    # Ordinary English collocations: they occur in business, political or general news far
    # from Party texts, though our neutral corpus happens not to hold them.
    "eight regulations", "eight provisions", "four styles", "extravagant practices", "big tigers",
    "tiger hunting", "fighting tigers", "hunting foxes", "swat flies", "sky net", "double rules",
    "double regulation", "caging power", "cage power", "double opening", "governmental sanctions",
    "governmental sanction", "administrative discipline", "government sanctions",
    "party accountability", "accountability regulations", "anti-corruption struggle",
    "anti-corruption fight", "anti-corruption campaign", "anti-graft campaign", "anti-graft drive",
    "overwhelming victory", "double circulation", "double cycle", "dual cycle",
    "high-quality growth", "rural revitalization", "rural revitalisation",
    "village revitalization", "six priorities", "six guarantees", "six protections",
    "six securities", "two unshakable", "dual carbon", "double carbon", "new urbanization",
    "third distribution", "tertiary distribution", "new infrastructure", "law-based governance",
    "social governance", "social management", "grid worker", "grid member", "grid members",
    "grid officer", "political consultation", "consultative democracy", "deliberative democracy",
    "negotiated democracy", "governance modernization", "community-level governance",
    "grassroots governance", "social credit", "stability maintenance", "petition system",
    "petitioning system", "constitutional governance", "village self-governance",
    "villager autonomy", "people's city", "second integration", "second combination",
    "two combinations", "chinese socialism", "liberate thinking", "liberating thinking",
    "ideological emancipation", "main contradiction", "china's dream", "historical cycle",
    "people-centered approach", "people-centred approach", "people-centered development",
    "people-centred development", "party central", "propaganda department",
    "organization department", "china's parliament", "china's cabinet", "party chief",
    "leading group", "party plenum", "plenary session", "historical resolution",
    "history resolution", "historic resolution", "17th congress", "18th congress",
    "19th congress", "20th congress", "15th congress", "16th congress", "two safeguards",
    "two maintenance", "four confidence", "two establishments", "two establishment",
    "political awareness", "political consciousness", "core leader", "core position",
    "core status", "leadership core", "leading core", "stress politics", "people's leader",
    "comparison check", "party awareness", "party spirit", "party nature", "party analysis",
    "party cultivation", "heart talk", "heart-to-heart talks", "heart-to-heart conversation",
    "party organization", "party organisation", "central inspection", "patrol inspection",
    "circuit inspection", "theme education", "two responsibilities", "principal responsibility",
    "primary responsibility", "subject responsibility", "supervisory responsibility",
    "supervision responsibility", "political ecosystem", "political ecology", "political rules",
    "double-dealer", "double-dealing", "two-faced people", "two-faced person", "two-faced men",
    "two-sided people", "key few", "key minority", "critical minority", "crucial minority",
    "government cadre", "broad masses", "leading officials", "party branch", "party building",
    "party-building", "party construction", "political building", "probationary member",
    "media guidance", "opinion guidance", "positive energy", "ideological work",
    "ideological sphere", "ideological field", "cyber power", "network power", "internet power",
    "main melody", "cultural confidence", "chinese discourse", "patriotic education",
    "patriotism education", "cultural power", "media integration", "media fusion",
    "converged media", "positive propaganda", "ethnic solidarity", "ethnic unity",
    "peaceful reunification", "peaceful unification", "overall jurisdiction",
    "comprehensive jurisdiction", "deradicalization", "de-radicalization",
    "bottom-line thinking", "baseline thinking", "military-civilian integration",
    "civilian-military integration", "civil-military integration", "core interests",
    "core interest", "color revolution", "colour revolution", "colored revolution",
    "coloured revolution", "peaceful emergence", "true multilateralism",
    "genuine multilateralism", "real multilateralism", "win-win cooperation",
    "world-class forces", "world-class military", "world-class army", "three evils",
    "three forces", "party constitution", "party charter", "mass route", "party centre",
    "party center", "four awareness", "core awareness", "core consciousness", "party member",
    "party members", "general secretary", "central committee", "state council",
    "collective leadership", "united front", "the masses", "new era", "party congress",
    "political bureau", "people first", "shared prosperity", "international communication",
    "political negotiation", "two hundred years", "ethnic unity", "heart-to-heart",
    # Added with the second dictionary sweep (2026-12): ordinary in news, business, law or
    # other countries' politics.
    "act immediately", "action guide", "active defence", "active defense", "arduous struggle",
    "black swan", "black terror", "black violence", "bloc politics", "camp confrontation",
    "central leadership", "china's president", "chinese president", "chinese premier",
    "china's premier", "prc president", "prc premier", "circle culture", "closed-loop management",
    "closed-loop production", "closed-loop system", "closed-loop bubble", "compact responsibility",
    "compacting responsibilities", "conduct improvement", "cult organization", "evil cult",
    "heretical cult", "data element", "data factor", "digital economy", "digital government",
    "discipline building", "disciplinary building", "election discipline", "enlarged meeting",
    "examine problems", "examining problems", "inspect problems", "inspecting problems",
    "examined inadequacies", "external forces", "external interference", "external propaganda",
    "external publicity", "extreme thinking", "limit thinking", "family ethos", "family style",
    "family tradition", "family traditions", "foreign forces", "outside forces",
    "foreign propaganda", "forest chief", "forest chiefs", "river chief", "river chiefs",
    "lake chief", "future industries", "future industry", "garbage classification",
    "garbage sorting", "grain security", "great struggle", "health code", "travel code",
    "travel card", "trip code", "important address", "important speech", "important statements",
    "important instruction", "important instructions", "important directives",
    "important discussions", "important exposition", "important expositions",
    "important discourses", "improving conduct", "learning party", "leadership team",
    "leading cadres", "senior cadres", "senior officials", "high-ranking officials",
    "high-ranking cadres", "little giants", "long march", "market entities", "market subjects",
    "media supervision", "negative list", "new expedition", "new journey", "new three",
    "new trio", "new china", "ocean power", "marine power", "space power", "quality power",
    "sports power", "education power", "organizational strength", "patient capital",
    "people-oriented", "physical economy", "real sector", "planned birth", "planned births",
    "birth planning", "political broker", "political brokers", "political fixers",
    "political scammers", "political swindler", "political swindlers", "political security",
    "political stance", "political standing", "political standpoint", "political positioning",
    "political supervision", "political oversight", "political task", "political inspection",
    "political inspections", "political patrol", "political discipline", "positive defense",
    "power list", "problem orientation", "problem-oriented", "question-oriented", "people's war",
    "peoples war", "personality cult", "personality cults", "personal worship", "mass groups",
    "mass organisations", "mass organizations", "peaceful rise", "popular masses",
    "people's masses", "people's juror", "people's jurors", "people's mediation",
    "people's mediator", "people's mediators", "public-opinion guidance", "publicity group",
    "rectification ledger", "rectification list", "rectification measures", "rectify immediately",
    "immediate rectification", "red gene", "red genes", "regime security", "residential committee",
    "residents committee", "residents' committee", "neighborhood committee",
    "neighbourhood committee", "village committee", "village committees", "village cadre",
    "township cadre", "county-level cadre", "grassroots cadre", "review materials",
    "revolutionary culture", "scientific socialism", "second answer", "silence management",
    "silent management", "quiet management", "static management", "special-purpose bond",
    "special-purpose bonds", "strategic composure", "strategic determination", "strategic focus",
    "strategic resolve", "strategic steadiness", "struggle spirit", "struggle skills",
    "summit diplomacy", "home diplomacy", "host diplomacy", "supervisory investigation",
    "system confidence", "tech finance", "technology finance", "tighten responsibilities",
    "trade-in subsidies", "triple pressure", "triple pressures", "three-fold pressure",
    "threefold pressure", "two heavy", "unify thinking", "unify thoughts", "unifying thinking",
    "unifying thoughts", "unify ideology", "united struggle", "universal value",
    "universal values", "urban regeneration", "urban renewal", "warning education",
    "work-for-relief", "zero covid", "zero-covid", "zero-covid policy", "zero-sum game",
    "zero-sum mentality", "zero-sum thinking", "socialist modernization",
    "socialist modernisation", "revolutionary tempering", "revolutionary forging",
    "historical initiative", "historical confidence", "innovative country", "style construction",
    "red guard", "red guards", "global south", "global southern", "gray rhino", "grey rhino",
    "gray rhinoceros", "grey rhinoceros", "politburo", "democratic parties", "private economy",
    "silver economy", "anti-terrorism law", "counter-terrorism law", "counterterrorism law",
    "cybersecurity law", "anti-espionage law", "counter-espionage law", "counterespionage law",
    "class struggle", "class struggles", "proletarian dictatorship", "proletariat dictatorship",
    "democratic centralism", "women's federation", "learning-oriented party", "civic morality",
    "innovation-oriented country", "innovation-oriented nation", "spiritual civilization",
    "spiritual civilisation", "spiritual pollution", "entity economy", "law popularization",
    "party cadre", "ccp member", "cpc member", "party dues", "state chairman",
    # Added with the last gap wave (2026-12-05).
    "heroes in harm's way", "those who go against the flow", "flexible employment",
    "good governance", "election committee", "election committee constituency",
    "global public good", "global public goods", "global public product",
    "lasting peace and stability", "long-term peace and stability",
    "enduring peace and stability", "long-term stability", "absolute poverty",
    "eliminate absolute poverty", "people's army", "people's armed forces", "people's military",
    "key period for starting", "critical period for starting", "regular understanding",
    "regularity understanding", "understanding of underlying laws", "pledge speech",
    "statement speech", "statement of position", "nucleic acid test", "nucleic acid testing",
}

REASONS = {
    "word": "a single English word or abbreviation that also has ordinary uses",
    "zh": "one or two Chinese characters: they occur inside ordinary Chinese words",
    "collocation": "an ordinary English collocation outside Party texts",
}


def kind_of(form):
    if re.search(r"[\u3400-\u9fff]", form):
        return "zh" if len(form) <= 2 else None
    words = form.split()
    if len(words) == 1 and "-" not in form:
        return "word"
    if form.lower() in ORDINARY:
        return "collocation"
    return None


def toml_string(s):
    return json.dumps(s, ensure_ascii=False)


def main():
    rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
    # (file, form text or template) -> wanted (needs_context, reason)
    want = {}
    for r in rows:
        key = (r["file"], r["template"] or r["form"])
        if r["hits"] > 0:
            want[key] = (True, None)
        elif key not in want:
            k = kind_of(r["form"])
            want[key] = (True, REASONS[k]) if k else (False, None)
    changed = 0
    by_file = {}
    for (f, text), w in want.items():
        by_file.setdefault(f, {})[text] = w
    # One pass over every form line: the evidence decides; a listed form the evidence rows do
    # not hold (never found, never gated) is gated when it is a known ordinary collocation.
    collocation = (True, REASONS["collocation"])
    for path in sorted(glob.glob("src/dictionary/*.toml")):
        forms = by_file.get(path.split("/")[-1], {})
        lines = open(path, encoding="utf-8").read().split("\n")
        touched = False
        for i, line in enumerate(lines):
            m = FORM_LINE.match(line)
            if not m:
                continue
            text = json.loads(m.group(2))
            if text in forms:
                gated, reason = forms[text]
            elif "needs_context" not in m.group(3) and "template = true" not in m.group(3) and text.lower() in ORDINARY:
                gated, reason = collocation
            else:
                continue
            rest = re.sub(r",\s*needs_context = true", "", m.group(3))
            rest = re.sub(r',\s*context_reason = "(?:[^"\\]|\\.)*"', "", rest).rstrip()
            if gated:
                rest += ", needs_context = true"
                if reason:
                    rest += f", context_reason = {toml_string(reason)}"
            new = f"{m.group(1)}{m.group(2)}{rest} }}{m.group(4)}"
            if new != line:
                lines[i] = new
                touched = True
                changed += 1
        if touched:
            open(path, "w", encoding="utf-8").write("\n".join(lines))
    # Implicit forms (the entry's `zh` or `en`, not listed in `forms`) found in the corpus are
    # listed in `forms` so that they can carry the flag.
    # Entries whose implicit `en` is an ordinary collocation.
    for path in sorted(glob.glob("src/dictionary/*.toml")):
        eid = None
        for line in open(path, encoding="utf-8"):
            m = re.match(r'(id|en) = ("(?:[^"\\]|\\.)*")$', line.rstrip("\n"))
            if m and m.group(1) == "id":
                eid = json.loads(m.group(2))
            elif m and json.loads(m.group(2)).lower() in ORDINARY:
                rows.append({"id": eid, "file": path.split("/")[-1], "form": json.loads(m.group(2)),
                             "hits": 0, "needs_context": False, "template": None, "ordinary": True})
    implicit = 0
    for r in rows:
        if (r["hits"] == 0 and not r.get("ordinary")) or r["needs_context"] or r["template"]:
            continue
        path = f"src/dictionary/{r['file']}"
        lines = open(path, encoding="utf-8").read().split("\n")
        if any(re.match(r'\s*\{ text = ' + re.escape(toml_string(r["form"])), l) for l in lines):
            continue
        reason = f", context_reason = {toml_string(REASONS['collocation'])}" if r["hits"] == 0 else ""
        line = f'  {{ text = {toml_string(r["form"])}, kind = "official", needs_context = true{reason} }},'
        insert_forms(lines, r["id"], [line])
        open(path, "w", encoding="utf-8").write("\n".join(lines))
        implicit += 1
    print(f"apply-evidence: {changed} form lines changed, {implicit} implicit forms listed")


if __name__ == "__main__":
    main()
