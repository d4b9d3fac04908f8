.class public final Lcom/example/Everything;
.super Ljava/lang/Object;
.source "Everything.java"

# interfaces
.implements Ljava/lang/Runnable;
.implements Ljava/io/Serializable;

# annotations
.annotation system Ldalvik/annotation/MemberClasses;
    value = {
        Lcom/example/Everything$Inner;
    }
.end annotation

.annotation runtime Ljava/lang/Deprecated;
.end annotation


# static fields
.field public static final BOOL:Z = true

.field public static final BYTE:B = -0x1t

.field public static final CHAR:C = '\''

.field public static final CHAR_E:C = '\u00e9'

.field public static final DOUBLE:D = -2.25

.field public static final ENUM:Ljava/lang/Thread$State; = .enum Ljava/lang/Thread$State;->NEW:Ljava/lang/Thread$State;

.field public static final FLOAT:F = 1.5f

.field public static final INT:I = -0x80000000

.field public static final LONG:J = 0x123456789abcdefL

.field public static final SHORT:S = 0x7fffs

.field public static final TEXT:Ljava/lang/String; = "tab\there \"quoted\" caf\u00e9 .class ;"

.field public static final TYPE:Ljava/lang/Class; = Ljava/lang/String;

.field private static counter:I


# instance fields
.field protected matrix:[[J

.field private volatile transient name:Ljava/lang/String;
    .annotation runtime Ljava/lang/Deprecated;
    .end annotation
.end field


# direct methods
.method static constructor <clinit>()V
    .registers 1

    const/4 v0, 0x2

    sput v0, Lcom/example/Everything;->counter:I

    return-void
.end method

.method public constructor <init>()V
    .registers 2

    invoke-direct {p0}, Ljava/lang/Object;-><init>()V

    const-string v0, "it's \"here\"\n\u00e9 .method"

    iput-object v0, p0, Lcom/example/Everything;->name:Ljava/lang/String;

    return-void
.end method

.method public static bootstrap(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;I)Ljava/lang/invoke/CallSite;
    .registers 6

    const/4 v0, 0x0

    return-object v0
.end method

.method private static varargs wide(JDI[Ljava/lang/Object;)J
    .registers 12

    invoke-static/range {p0 .. p5}, Lcom/example/Everything;->wide(JDI[Ljava/lang/Object;)J

    move-result-wide v0

    invoke-static/range {v4 .. v9}, Lcom/example/Everything;->wide(JDI[Ljava/lang/Object;)J

    const-string/jumbo v2, "jumbo"

    new-array v3, p4, [I

    filled-new-array {v2, v2}, [Ljava/lang/String;

    filled-new-array/range {v0 .. v1}, [I

    invoke-static {}, Ljava/lang/System;->nanoTime()J

    return-wide v0
.end method


# virtual methods
.method public native nativeCall(I)I
.end method

.method public final declared-synchronized run()V
    .registers 6

    iget-object v0, p0, Lcom/example/Everything;->name:Ljava/lang/String;

    check-cast v0, Ljava/lang/CharSequence;

    instance-of v1, v0, Ljava/lang/String;

    const-class v1, Lcom/example/Everything;

    new-instance v2, Ljava/lang/StringBuilder;

    invoke-direct {v2}, Ljava/lang/StringBuilder;-><init>()V

    invoke-virtual {v2, v0}, Ljava/lang/StringBuilder;->append(Ljava/lang/CharSequence;)Ljava/lang/StringBuilder;

    invoke-interface {v0}, Ljava/lang/CharSequence;->length()I

    invoke-super {p0}, Ljava/lang/Object;->hashCode()I

    sget-object v3, Ljava/lang/System;->out:Ljava/io/PrintStream;

    iget-wide v4, p0, Lcom/example/Everything;->matrix:[[J

    invoke-polymorphic {v1, v2}, Ljava/lang/invoke/MethodHandle;->invoke([Ljava/lang/Object;)Ljava/lang/Object;, (Ljava/lang/StringBuilder;)V

    invoke-custom {v0}, call_site_0("run", ()Ljava/lang/Runnable;, "extra", 0x5)@Lcom/example/Everything;->bootstrap(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;I)Ljava/lang/invoke/CallSite;

    const-string v0, ""

    return-void
.end method
