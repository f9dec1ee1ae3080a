package dev.autonomy.text.health;

import dev.autonomy.text.encode.Language;
import java.util.List;

/**
 * The habits and sentence frames the note generator writes with, in English and Chinese, written
 * for Autonomy. About a third of the habits and of the frames are marked held out: training notes
 * never use them, and every test note uses at least one held-out habit, so a model scored on the
 * test part meets foods, drinks and activities it has not seen (swimming, yoga, vaping, donuts,
 * energy drinks, binge-watching, naps, green tea, home cooking) in frames it has not seen.
 */
final class NoteLexicon {
  private NoteLexicon() {}

  /**
   * A sentence frame with one ({@code %s}) or two ({@code %s ... %s}) habit slots; a contrast frame
   * ("but", "although", "不过") is only used for two habits that point in different directions.
   */
  record Frame(Language language, String pattern, boolean heldOut, boolean contrast) {
    Frame(Language language, String pattern, boolean heldOut) {
      this(language, pattern, heldOut, false);
    }

    int slots() {
      return pattern.split("%s", -1).length - 1;
    }
  }

  private static NoteAct en(String topic, boolean healthy, int weight, boolean heldOut, List<String> done, List<String> undone) {
    return new NoteAct(Language.EN, topic, healthy, weight, heldOut, done, undone);
  }

  private static NoteAct zh(String topic, boolean healthy, int weight, boolean heldOut, List<String> done, List<String> undone) {
    return new NoteAct(Language.ZH, topic, healthy, weight, heldOut, done, undone);
  }

  static final List<NoteAct> ACTS =
      List.of(
          // English, healthy habits
          en("food", true, 1, false, List.of("ate a big salad for lunch", "had a bowl of vegetables with dinner"),
              List.of("didn't eat a single vegetable", "skipped the vegetables again")),
          en("food", true, 1, false, List.of("had oatmeal and fruit for breakfast", "started the day with porridge and berries"),
              List.of("skipped breakfast", "had no breakfast at all")),
          en("food", true, 1, true, List.of("cooked steamed fish and brown rice", "made grilled fish with greens at home"),
              List.of("didn't bother cooking anything fresh")),
          en("drink", true, 1, false, List.of("drank eight glasses of water", "kept a water bottle with me all day"),
              List.of("barely drank any water", "forgot to drink water")),
          en("drink", true, 1, true, List.of("switched to green tea instead of coffee", "had a cup of herbal tea in the evening"),
              List.of("didn't have any tea, only coffee")),
          en("sleep", true, 2, false, List.of("slept a solid eight hours", "went to bed at ten and woke up rested"),
              List.of("didn't get enough sleep", "barely slept, maybe four hours")),
          en("sleep", true, 1, true, List.of("took a short nap after lunch", "got a 20 minute power nap"),
              List.of("skipped my afternoon nap")),
          en("exercise", true, 2, false, List.of("went for a 5 km run", "ran 5 km before work"),
              List.of("skipped my run", "didn't go running")),
          en("exercise", true, 1, false, List.of("went to the gym", "did an hour at the gym"),
              List.of("skipped the gym", "didn't make it to the gym")),
          en("exercise", true, 1, false, List.of("walked 10,000 steps", "took a long walk after dinner"),
              List.of("didn't walk anywhere", "skipped my evening walk")),
          en("exercise", true, 2, true, List.of("swam forty laps at the pool", "did a long swim"),
              List.of("skipped swimming", "didn't go to the pool")),
          en("exercise", true, 1, true, List.of("did 30 minutes of yoga", "stretched along with a yoga video"),
              List.of("skipped yoga", "didn't do my stretches")),
          en("stress", true, 1, false, List.of("meditated for ten minutes", "did some breathing exercises"),
              List.of("skipped meditation", "didn't take a single break")),
          en("screen", true, 1, false, List.of("put the phone away an hour before bed", "kept screen time under an hour"),
              List.of("didn't put the phone down before bed")),
          // English, unhealthy habits
          en("food", false, 1, false, List.of("ate a burger and fries", "had fried chicken for lunch"),
              List.of("passed on the burger and fries", "didn't order fried chicken")),
          en("food", false, 1, false, List.of("ate a whole bag of chips", "snacked on chips all evening"),
              List.of("didn't touch the chips", "skipped the snacks")),
          en("food", false, 1, true, List.of("ate three donuts at the office", "had a huge slice of cream cake"),
              List.of("said no to the office donuts", "didn't eat any cake")),
          en("food", false, 1, false, List.of("had instant noodles for dinner again", "ate a late-night barbecue"),
              List.of("didn't eat instant noodles", "skipped the late-night snack")),
          en("drink", false, 1, false, List.of("drank two cans of soda", "had a large bubble tea"),
              List.of("didn't drink any soda", "skipped the bubble tea")),
          en("drink", false, 2, false, List.of("drank five beers at the bar", "got drunk at a party"),
              List.of("didn't drink any alcohol", "stayed sober at the party")),
          en("drink", false, 1, true, List.of("had three energy drinks", "downed an energy drink at midnight"),
              List.of("didn't have any energy drinks", "skipped the energy drinks")),
          en("smoking", false, 2, false, List.of("smoked half a pack of cigarettes", "smoked a cigarette after every meal"),
              List.of("didn't smoke", "went the whole day without a cigarette")),
          en("smoking", false, 2, true, List.of("vaped all afternoon", "went through a whole vape pod"),
              List.of("didn't vape at all", "left the vape at home")),
          en("sleep", false, 2, false, List.of("stayed up until 3 am", "pulled an all-nighter"),
              List.of("didn't stay up late", "didn't pull an all-nighter")),
          en("screen", false, 1, false, List.of("scrolled my phone for four hours", "spent the evening scrolling short videos"),
              List.of("didn't scroll short videos", "kept off my phone all evening")),
          en("screen", false, 1, true, List.of("binge-watched a series until 2 am", "watched TV for six hours straight"),
              List.of("didn't binge-watch anything", "turned the TV off early")),
          en("stress", false, 1, false, List.of("worked twelve hours without a break", "skipped lunch to finish a deadline"),
              List.of("didn't work late", "left work on time")),
          en("exercise", false, 1, false, List.of("lay on the couch all day", "sat at my desk the whole day"),
              List.of("didn't lie on the couch all day", "didn't sit still all day")),
          // Chinese, healthy habits
          zh("food", true, 1, false, List.of("午饭吃了一大碗蔬菜沙拉", "晚饭多吃了青菜"), List.of("一口蔬菜都没吃", "又没吃青菜")),
          zh("food", true, 1, false, List.of("早餐吃了燕麦和水果", "早上喝了豆浆吃了鸡蛋"), List.of("没吃早饭", "早饭又跳过了")),
          zh("food", true, 1, true, List.of("自己做了清蒸鱼和糙米饭", "做了一顿清淡的家常菜"), List.of("懒得做饭，一点新鲜的都没吃")),
          zh("drink", true, 1, false, List.of("喝了八杯水", "一整天都带着水杯喝水"), List.of("几乎没喝水", "忘了喝水")),
          zh("drink", true, 1, true, List.of("用绿茶代替了咖啡", "晚上喝了一杯花草茶"), List.of("没喝茶，只喝了咖啡")),
          zh("sleep", true, 2, false, List.of("睡足了八个小时", "十点就睡了，醒来很精神"), List.of("没睡够", "只睡了四个小时")),
          zh("sleep", true, 1, true, List.of("午饭后小睡了二十分钟", "中午睡了个午觉"), List.of("没睡午觉")),
          zh("exercise", true, 2, false, List.of("跑了五公里", "下班后去跑步了"), List.of("没去跑步", "跑步又鸽了")),
          zh("exercise", true, 1, false, List.of("去健身房练了一个小时", "去健身了"), List.of("没去健身", "健身房又没去")),
          zh("exercise", true, 1, false, List.of("走了一万步", "晚饭后散步了很久"), List.of("一步都没走", "晚上没去散步")),
          zh("exercise", true, 2, true, List.of("游了四十个来回", "去游泳了一个小时"), List.of("没去游泳", "游泳课翘掉了")),
          zh("exercise", true, 1, true, List.of("做了半小时瑜伽", "跟着视频拉伸了一会儿"), List.of("没做瑜伽", "拉伸又忘了")),
          zh("stress", true, 1, false, List.of("冥想了十分钟", "做了几次深呼吸放松"), List.of("没有冥想", "一整天没休息过")),
          zh("screen", true, 1, false, List.of("睡前一个小时放下了手机", "屏幕时间控制在一小时以内"), List.of("睡前还是放不下手机")),
          // Chinese, unhealthy habits
          zh("food", false, 1, false, List.of("吃了汉堡和薯条", "午饭吃了炸鸡"), List.of("忍住没吃薯条", "没点炸鸡")),
          zh("food", false, 1, false, List.of("吃了一整包薯片", "晚上一直在吃零食"), List.of("没碰薯片", "零食一口没吃")),
          zh("food", false, 1, true, List.of("在公司吃了三个甜甜圈", "吃了一大块奶油蛋糕"), List.of("没吃办公室的甜甜圈", "蛋糕一口没碰")),
          zh("food", false, 1, false, List.of("晚饭又吃了泡面", "宵夜吃了烧烤"), List.of("没吃泡面", "没吃宵夜")),
          zh("drink", false, 1, false, List.of("喝了两罐可乐", "喝了一大杯奶茶"), List.of("没喝可乐", "奶茶忍住没喝")),
          zh("drink", false, 2, false, List.of("在酒吧喝了五瓶啤酒", "聚会上喝醉了"), List.of("滴酒未沾", "聚会上没喝酒")),
          zh("drink", false, 1, true, List.of("喝了三罐功能饮料", "半夜喝了一罐红牛"), List.of("没喝功能饮料", "红牛一罐没喝")),
          zh("smoking", false, 2, false, List.of("抽了半包烟", "每顿饭后都抽了烟"), List.of("没抽烟", "一整天一根烟都没抽")),
          zh("smoking", false, 2, true, List.of("抽了一下午电子烟", "电子烟一直没离手"), List.of("没抽电子烟", "电子烟放在家里没带")),
          zh("sleep", false, 2, false, List.of("熬夜到凌晨三点", "通宵没睡"), List.of("没熬夜", "没有通宵")),
          zh("screen", false, 1, false, List.of("刷了四个小时手机", "一晚上都在刷短视频"), List.of("没刷短视频", "一晚上没碰手机")),
          zh("screen", false, 1, true, List.of("追剧追到凌晨两点", "连着看了六个小时电视"), List.of("没追剧", "早早关了电视")),
          zh("stress", false, 1, false, List.of("连续工作了十二个小时没休息", "为了赶工连午饭都没吃"), List.of("没加班", "按时下班了")),
          zh("exercise", false, 1, false, List.of("在沙发上躺了一整天", "一整天都坐着没动"), List.of("没在沙发上躺一天", "没有一直坐着")));

  static final List<Frame> FRAMES =
      List.of(
          new Frame(Language.EN, "%s.", false),
          new Frame(Language.EN, "Today I %s.", false),
          new Frame(Language.EN, "This morning I %s.", false),
          new Frame(Language.EN, "Last night I %s.", false),
          new Frame(Language.EN, "Diary: %s.", false),
          new Frame(Language.EN, "Quick note - I %s.", true),
          new Frame(Language.EN, "Log for the day: %s!", true),
          new Frame(Language.EN, "%s and %s.", false),
          new Frame(Language.EN, "Today I %s, then %s.", false),
          new Frame(Language.EN, "I %s, but %s.", false, true),
          new Frame(Language.EN, "%s, although I %s.", false, true),
          new Frame(Language.EN, "In the morning I %s; in the evening I %s.", true),
          new Frame(Language.EN, "Well, I %s, and also %s.", true),
          new Frame(Language.ZH, "%s。", false),
          new Frame(Language.ZH, "今天%s。", false),
          new Frame(Language.ZH, "今天早上%s。", false),
          new Frame(Language.ZH, "昨晚%s。", false),
          new Frame(Language.ZH, "日记：%s。", false),
          new Frame(Language.ZH, "随手记：%s！", true),
          new Frame(Language.ZH, "备忘，今天%s。", true),
          new Frame(Language.ZH, "%s，还%s。", false),
          new Frame(Language.ZH, "今天%s，然后%s。", false),
          new Frame(Language.ZH, "%s，不过%s。", false, true),
          new Frame(Language.ZH, "%s，但是%s。", false, true),
          new Frame(Language.ZH, "上午%s，下午%s。", true),
          new Frame(Language.ZH, "先是%s，后来%s。", true));
}
