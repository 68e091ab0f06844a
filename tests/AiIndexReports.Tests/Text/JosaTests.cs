using AiIndexReports.Text;
using CsCheck;

namespace AiIndexReports.Tests.Text;

public class JosaTests
{
    [Theory]
    // Hangul: 받침 or not, ㄹ-final
    [InlineData("한국", "은/는", "한국은")]
    [InlineData("미국", "은/는", "미국은")]
    [InlineData("중국", "이/가", "중국이")]
    [InlineData("프랑스", "이/가", "프랑스가")]
    [InlineData("캐나다", "을/를", "캐나다를")]
    [InlineData("이스라엘", "을/를", "이스라엘을")]
    [InlineData("영국", "와/과", "영국과")]
    [InlineData("독일", "와/과", "독일과")]
    [InlineData("일본", "와/과", "일본과")]
    [InlineData("사우디아라비아", "와/과", "사우디아라비아와")]
    [InlineData("서울", "(으)로", "서울로")]
    [InlineData("서울", "으로/로", "서울로")]
    [InlineData("부산", "(으)로", "부산으로")]
    [InlineData("미래", "(으)로", "미래로")]
    [InlineData("모델", "이다/다", "모델이다")]
    [InlineData("격차", "이다/다", "격차다")]
    [InlineData("특허", "이에요/예요", "특허예요")]
    [InlineData("한국", "아/야", "한국아")]
    [InlineData("한국", "는/은", "한국은")]
    [InlineData("중국", "(이)나", "중국이나")]
    // Numbers in Sino-Korean
    [InlineData("1", "은/는", "1은")]
    [InlineData("1", "(으)로", "1로")]
    [InlineData("1", "이/가", "1이")]
    [InlineData("2", "이/가", "2가")]
    [InlineData("3", "이/가", "3이")]
    [InlineData("7", "(으)로", "7로")]
    [InlineData("6", "(으)로", "6으로")]
    [InlineData("10", "이/가", "10이")]
    [InlineData("40", "을/를", "40을")]
    [InlineData("100", "이/가", "100이")]
    [InlineData("1000", "이/가", "1000이")]
    [InlineData("10000", "이/가", "10000이")]
    [InlineData("1,000,000,000,000", "은/는", "1,000,000,000,000는")]
    [InlineData("122,511", "(으)로", "122,511로")]
    [InlineData("0", "이/가", "0이")]
    [InlineData("0.3", "이/가", "0.3이")]
    [InlineData("17.5", "이/가", "17.5가")]
    [InlineData("2024", "와/과", "2024와")]
    // Numbers with units and symbols
    [InlineData("40개", "을/를", "40개를")]
    [InlineData("3개국", "이/가", "3개국이")]
    [InlineData("78%", "은/는", "78%는")]
    [InlineData("3.2%p", "은/는", "3.2%p는")]
    [InlineData("$0.07", "(으)로", "$0.07로")]
    [InlineData("$0.07", "이/가", "$0.07가")]
    [InlineData("-$2", "은/는", "-$2는")]
    [InlineData("₩500", "이/가", "₩500이")]
    [InlineData("0.07달러", "이/가", "0.07달러가")]
    [InlineData("280배", "은/는", "280배는")]
    [InlineData("1위", "은/는", "1위는")]
    [InlineData("1위", "(으)로", "1위로")]
    [InlineData("2024년", "(으)로", "2024년으로")]
    // Latin acronyms, letter by letter
    [InlineData("AI", "이/가", "AI가")]
    [InlineData("GPT-4o", "을/를", "GPT-4o를")]
    [InlineData("GPT-4", "이/가", "GPT-4가")]
    [InlineData("MMLU", "은/는", "MMLU는")]
    [InlineData("LG", "은/는", "LG는")]
    [InlineData("KOR", "(으)로", "KOR로")]
    [InlineData("IBM", "이/가", "IBM이")]
    [InlineData("Gemini-1.5-Flash-8B", "을/를", "Gemini-1.5-Flash-8B를")]
    // Latin words
    [InlineData("EXAONE", "이/가", "EXAONE이")]
    [InlineData("OpenAI", "이/가", "OpenAI가")]
    [InlineData("Google", "이/가", "Google이")]
    [InlineData("Google", "(으)로", "Google로")]
    [InlineData("Meta", "이/가", "Meta가")]
    [InlineData("DeepMind", "이/가", "DeepMind가")]
    [InlineData("DeepSeek", "이/가", "DeepSeek가")]
    [InlineData("Anthropic", "이/가", "Anthropic이")]
    [InlineData("Microsoft", "와/과", "Microsoft와")]
    [InlineData("Qwen", "은/는", "Qwen은")]
    [InlineData("Samsung", "을/를", "Samsung을")]
    [InlineData("Mistral", "(으)로", "Mistral로")]
    [InlineData("Claude", "은/는", "Claude는")]
    [InlineData("Copilot", "이/가", "Copilot이")]
    [InlineData("NAVER", "와/과", "NAVER와")]
    [InlineData("Deep", "이다/다", "Deep이다")]
    [InlineData("iPhone", "이/가", "iPhone이")]
    [InlineData("KAIST", "와/과", "KAIST와")]
    [InlineData("LLM", "(으)로", "LLM으로")]
    [InlineData("xAI", "이/가", "xAI가")]
    [InlineData("Llama 3.1", "을/를", "Llama 3.1을")]
    [InlineData("Claude 3.5 Sonnet", "이/가", "Claude 3.5 Sonnet이")]
    [InlineData("HyperCLOVA X", "은/는", "HyperCLOVA X는")]
    // Brackets and quotes
    [InlineData("한국(KOR)", "은/는", "한국(KOR)은")]
    [InlineData("미국(USA)", "과/와", "미국(USA)과")]
    [InlineData("(KOR)", "(으)로", "(KOR)로")]
    [InlineData("‘AI’", "이/가", "‘AI’가")]
    [InlineData("\"서울\"", "(으)로", "\"서울\"로")]
    [InlineData("한국*", "은/는", "한국*은")]
    [InlineData("미국¹", "이/가", "미국¹이")]
    public void Attach_picks_the_particle_as_read_aloud(string word, string pair, string expected) =>
        Assert.Equal(expected, Josa.Attach(word, pair));

    [Theory]
    [InlineData("", "은/는", "은(는)")]
    [InlineData("漢", "이/가", "이(가)")]
    [InlineData("🙂", "(으)로", "(으)로")]
    [InlineData("", "이다/다", "(이)다")]
    public void Unreadable_endings_get_both_forms(string word, string pair, string expected) =>
        Assert.Equal(expected, Josa.Pick(word, pair));

    [Fact]
    public void Unknown_pair_is_an_error_listing_the_known_pairs()
    {
        var error = Assert.Throws<ArgumentException>(() => Josa.Attach("한국", "은/가"));
        Assert.StartsWith("unknown particle pair \"은/가\"; expected one of \"은/는\", \"이/가\", \"을/를\"", error.Message);
    }

    [Fact]
    public void Random_Hangul_syllables_agree_with_the_Unicode_final_consonant_index()
    {
        Gen.Char['\uAC00', '\uD7A3'].Sample(syllable =>
        {
            int final = (syllable - 0xAC00) % 28; // Unicode: 0 = no final consonant, 8 = ㄹ
            string word = "한" + syllable;
            Assert.Equal(final == 0 ? "는" : "은", Josa.Pick(word, "은/는"));
            Assert.Equal(final == 0 ? "가" : "이", Josa.Pick(word, "이/가"));
            Assert.Equal(final == 0 ? "와" : "과", Josa.Pick(word, "와/과"));
            Assert.Equal(final is 0 or 8 ? "로" : "으로", Josa.Pick(word, "(으)로"));
        });
    }
}
